//! AMED reference data (integrated projects, disease areas, programs and their links), seeded into
//! every new database, and the in-memory copy the rest of seedline resolves names against.

use super::Store;
use crate::Result;
use crate::model::{Coded, Modality, Phase};
use rusqlite::{Transaction, params};

/// 統合プロジェクト as loaded from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegratedProjectRef {
    pub id: i64,
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    /// 2 (FY2020–24) or 3 (FY2025–29).
    pub period: i64,
}

/// 疾患領域 as loaded from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiseaseAreaRef {
    pub id: i64,
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    pub parent_id: Option<i64>,
}

/// 事業 as loaded from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramRef {
    pub id: i64,
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    pub ministry: String,
    pub integrated_project_id: i64,
    pub first_phase: Phase,
    pub last_phase: Phase,
}

/// All reference data, in display order.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub integrated_projects: Vec<IntegratedProjectRef>,
    pub disease_areas: Vec<DiseaseAreaRef>,
    pub programs: Vec<ProgramRef>,
    /// (preceding program id, successor program id, kind)
    pub program_links: Vec<(i64, i64, String)>,
}

impl Reference {
    /// The integrated project with this id.
    pub fn integrated_project(&self, id: i64) -> Option<&IntegratedProjectRef> {
        self.integrated_projects.iter().find(|p| p.id == id)
    }

    /// The program with this id.
    pub fn program(&self, id: i64) -> Option<&ProgramRef> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// The disease area with this id.
    pub fn disease_area(&self, id: i64) -> Option<&DiseaseAreaRef> {
        self.disease_areas.iter().find(|a| a.id == id)
    }

    /// Programs that the given program hands seeds to (pairing or matching), in link order.
    pub fn successors(&self, program_id: i64) -> Vec<&ProgramRef> {
        self.program_links
            .iter()
            .filter(|(from, _, _)| *from == program_id)
            .filter_map(|(_, to, _)| self.program(*to))
            .collect()
    }
}

impl Store {
    /// Loads all reference data (a few dozen rows) in display order.
    pub fn reference(&self) -> Result<Reference> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name_ja, name_en, period FROM integrated_project
             ORDER BY period DESC, sort_order",
        )?;
        let integrated_projects = stmt
            .query_map([], |r| {
                Ok(IntegratedProjectRef {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_ja: r.get(2)?,
                    name_en: r.get(3)?,
                    period: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.code, a.name_ja, a.name_en, a.parent_id FROM disease_area a
             LEFT JOIN disease_area p ON p.id = a.parent_id
             ORDER BY coalesce(p.sort_order, a.sort_order), a.parent_id IS NOT NULL, a.sort_order",
        )?;
        let disease_areas = stmt
            .query_map([], |r| {
                Ok(DiseaseAreaRef {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_ja: r.get(2)?,
                    name_en: r.get(3)?,
                    parent_id: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name_ja, name_en, ministry, integrated_project_id, first_phase, last_phase
             FROM program ORDER BY id",
        )?;
        let programs = stmt
            .query_map([], |r| {
                Ok(ProgramRef {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_ja: r.get(2)?,
                    name_en: r.get(3)?,
                    ministry: r.get(4)?,
                    integrated_project_id: r.get(5)?,
                    first_phase: Phase::from_ord(r.get(6)?).unwrap_or(Phase::Basic),
                    last_phase: Phase::from_ord(r.get(7)?).unwrap_or(Phase::Practical),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT preceding_program_id, successor_program_id, kind FROM program_link ORDER BY id",
        )?;
        let program_links = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Reference {
            integrated_projects,
            disease_areas,
            programs,
            program_links,
        })
    }

    /// Adds any reference rows missing from this database (idempotent; `seedline init`).
    pub fn ensure_reference(&mut self) -> Result<()> {
        self.write(seed)
    }
}

/// 3rd period (FY2025–): code, 名称, English working name.
const INTEGRATED_PROJECTS_3: &[(&str, &str, &str)] = &[
    (
        "drug",
        "医薬品プロジェクト",
        "Drug Discovery and Development",
    ),
    (
        "device",
        "医療機器・ヘルスケアプロジェクト",
        "Medical Devices and Healthcare",
    ),
    (
        "regen",
        "再生・細胞医療・遺伝子治療プロジェクト",
        "Regenerative, Cell and Gene Therapy",
    ),
    ("infect", "感染症プロジェクト", "Infectious Diseases"),
    (
        "data",
        "データ利活用・ライフコースプロジェクト",
        "Data Utilization and Life Course",
    ),
    (
        "seeds",
        "シーズ開発・基礎研究プロジェクト",
        "Seed Development and Basic Research",
    ),
    (
        "trans",
        "橋渡し・臨床加速化プロジェクト",
        "Translational and Clinical Acceleration",
    ),
    (
        "eco",
        "イノベーション・エコシステムプロジェクト",
        "Innovation Ecosystem",
    ),
];

/// 2nd period (FY2020–24).
const INTEGRATED_PROJECTS_2: &[(&str, &str, &str)] = &[
    ("drug2", "医薬品プロジェクト", "Drug Discovery (2nd period)"),
    (
        "device2",
        "医療機器・ヘルスケアプロジェクト",
        "Medical Devices and Healthcare (2nd period)",
    ),
    (
        "regen2",
        "再生・細胞医療・遺伝子治療プロジェクト",
        "Regenerative, Cell and Gene Therapy (2nd period)",
    ),
    (
        "genome2",
        "ゲノム・データ基盤プロジェクト",
        "Genome and Data Infrastructure (2nd period)",
    ),
    (
        "disease2",
        "疾患基礎研究プロジェクト",
        "Basic Disease Research (2nd period)",
    ),
    (
        "seeds2",
        "シーズ開発・研究基盤プロジェクト",
        "Seed Development and Research Base (2nd period)",
    ),
];

/// Disease areas: code, 名称, English, parent code.
const DISEASE_AREAS: &[(&str, &str, &str, Option<&str>)] = &[
    ("cancer", "がん", "Cancer", None),
    (
        "rare",
        "難病・希少疾患",
        "Intractable and rare diseases",
        None,
    ),
    ("lifecourse", "ライフコース", "Life course", None),
    (
        "lifestyle",
        "生活習慣病",
        "Lifestyle diseases",
        Some("lifecourse"),
    ),
    (
        "neuro",
        "精神・神経疾患",
        "Psychiatric and neurological",
        Some("lifecourse"),
    ),
    (
        "dementia",
        "老年医学・認知症",
        "Geriatrics and dementia",
        Some("lifecourse"),
    ),
    (
        "child",
        "成育",
        "Child and maternal health",
        Some("lifecourse"),
    ),
    (
        "dental",
        "歯科口腔保健",
        "Dental and oral health",
        Some("lifecourse"),
    ),
    ("infection", "感染症", "Infectious diseases", None),
];

/// Programs (事業): code, 名称, English, ministry, integrated project, first and last phase.
/// Phases follow `../shared/domain.md`; historical programs of the cancer and device chains sit in
/// the 2nd-period project closest to them.
const PROGRAMS: &[(&str, &str, &str, &str, &str, Phase, Phase)] = {
    use Phase::*;
    &[
        (
            "cancer-practical",
            "革新的がん医療実用化研究事業",
            "Practical Research for Innovative Cancer Control",
            "MHLW",
            "drug",
            NonClinical,
            Clinical,
        ),
        (
            "p-promote",
            "次世代がん医療加速化研究事業",
            "P-PROMOTE",
            "MEXT",
            "drug",
            Basic,
            NonClinical,
        ),
        (
            "rare-practical",
            "難治性疾患実用化研究事業",
            "Practical Research Project for Rare / Intractable Diseases",
            "MHLW",
            "drug",
            Basic,
            Practical,
        ),
        (
            "drug-base",
            "創薬基盤推進研究事業",
            "Research on Development of New Drugs",
            "MHLW",
            "drug",
            Basic,
            NonClinical,
        ),
        (
            "infect-drug",
            "新興・再興感染症に対する革新的医薬品等開発推進研究事業",
            "Research Program on Emerging and Re-emerging Infectious Diseases",
            "MHLW",
            "infect",
            Basic,
            Practical,
        ),
        (
            "infect-base",
            "新興・再興感染症研究基盤創生事業",
            "Japan Program for Infectious Diseases Research and Infrastructure",
            "MEXT",
            "infect",
            Basic,
            Basic,
        ),
        (
            "scarda",
            "ワクチン・新規モダリティ研究開発事業",
            "Vaccine and New Modality R&D (SCARDA)",
            "other",
            "infect",
            Basic,
            Practical,
        ),
        (
            "bridge",
            "橋渡し研究プログラム",
            "Translational Research Program",
            "MEXT",
            "trans",
            Basic,
            Clinical,
        ),
        (
            "med-support",
            "医学系研究支援プログラム",
            "Medical Research Support Program",
            "MEXT",
            "trans",
            Basic,
            Clinical,
        ),
        (
            "device-dev",
            "医療機器開発推進研究事業",
            "Research on Development of Medical Devices",
            "MHLW",
            "device",
            NonClinical,
            Clinical,
        ),
        (
            "device-results",
            "医療機器等研究成果展開事業",
            "Development of Medical Devices through Research Results",
            "MEXT",
            "device",
            Basic,
            Applied,
        ),
        (
            "device-resilience",
            "医療機器等における先進的研究開発・開発体制強靭化事業",
            "Advanced R&D and Resilience for Medical Devices",
            "METI",
            "device",
            Basic,
            Applied,
        ),
        (
            "device-global",
            "医工連携グローバル展開事業",
            "Medical-Engineering Collaboration Global Expansion",
            "METI",
            "device",
            NonClinical,
            Practical,
        ),
        (
            "regen-practical",
            "再生医療実用化研究事業",
            "Research Project for Practical Applications of Regenerative Medicine",
            "MHLW",
            "regen",
            Clinical,
            Clinical,
        ),
        (
            "regen-industry",
            "再生医療・遺伝子治療の産業化に向けた基盤技術開発事業",
            "Base Technology for Industrialising Regenerative and Gene Therapy",
            "METI",
            "regen",
            Applied,
            NonClinical,
        ),
        (
            "venture-eco",
            "創薬ベンチャーエコシステム強化事業",
            "Drug Discovery Venture Ecosystem Enhancement",
            "METI",
            "eco",
            NonClinical,
            Clinical,
        ),
        (
            "crest",
            "革新的先端研究開発支援事業",
            "AMED-CREST / PRIME",
            "MEXT",
            "seeds",
            Basic,
            Basic,
        ),
        (
            "p-direct",
            "次世代がん研究シーズ戦略的育成プログラム",
            "P-DIRECT",
            "MEXT",
            "disease2",
            Basic,
            NonClinical,
        ),
        (
            "p-create",
            "次世代がん医療創生研究事業",
            "P-CREATE",
            "MEXT",
            "disease2",
            Basic,
            NonClinical,
        ),
        (
            "medeng-commercial",
            "医工連携事業化推進事業",
            "Medical-Engineering Collaboration Commercialisation",
            "METI",
            "device2",
            Applied,
            Practical,
        ),
        (
            "medeng-innovation",
            "医工連携イノベーション推進事業",
            "Medical-Engineering Collaboration Innovation",
            "METI",
            "device2",
            Applied,
            Practical,
        ),
    ]
};

/// Program links: preceding code, successor code, kind. The historical chains (P-DIRECT → P-CREATE →
/// P-PROMOTE, 医工連携 事業化推進 → イノベーション推進 → グローバル展開) are recorded as matching; the
/// stated hand-off intents of the 3rd period as pairing. No official 3rd-period list exists: officers add more.
const PROGRAM_LINKS: &[(&str, &str, &str)] = &[
    ("p-direct", "p-create", "matching"),
    ("p-create", "p-promote", "matching"),
    ("medeng-commercial", "medeng-innovation", "matching"),
    ("medeng-innovation", "device-global", "matching"),
    ("p-promote", "cancer-practical", "pairing"),
    ("device-results", "device-dev", "pairing"),
    ("bridge", "cancer-practical", "matching"),
    ("bridge", "rare-practical", "matching"),
    ("bridge", "device-dev", "matching"),
    ("bridge", "venture-eco", "pairing"),
    ("crest", "bridge", "matching"),
    ("drug-base", "venture-eco", "matching"),
];

/// Inserts every reference row that is missing (matched by code); never changes existing rows.
pub(crate) fn seed(tx: &Transaction<'_>) -> Result<()> {
    for (i, p) in Phase::ALL.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO phase (id, code, name_ja, name_en) VALUES (?1, ?2, ?3, ?4)",
            params![p.ord(), p.code(), p.name_ja(), p.name_en()],
        )?;
        debug_assert_eq!(i + 1, p.ord() as usize);
    }
    for (i, m) in Modality::ALL.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO modality (code, name_ja, name_en, sort_order) VALUES (?1, ?2, ?3, ?4)",
            params![m.code(), m.name_ja(), m.name_en(), i as i64],
        )?;
    }
    let periods = [(3, INTEGRATED_PROJECTS_3), (2, INTEGRATED_PROJECTS_2)];
    for (period, list) in periods {
        for (i, (code, ja, en)) in list.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO integrated_project (code, name_ja, name_en, period, sort_order)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![code, ja, en, period, i as i64 + 1],
            )?;
        }
    }
    for (i, (code, ja, en, parent)) in DISEASE_AREAS.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO disease_area (code, name_ja, name_en, parent_id, sort_order)
             VALUES (?1, ?2, ?3, (SELECT id FROM disease_area WHERE code = ?4), ?5)",
            params![code, ja, en, parent, i as i64 + 1],
        )?;
    }
    for (code, ja, en, ministry, ip, first, last) in PROGRAMS {
        tx.execute(
            "INSERT OR IGNORE INTO program
               (code, name_ja, name_en, ministry, integrated_project_id, first_phase, last_phase)
             VALUES (?1, ?2, ?3, ?4, (SELECT id FROM integrated_project WHERE code = ?5), ?6, ?7)",
            params![code, ja, en, ministry, ip, first.ord(), last.ord()],
        )?;
    }
    for (from, to, kind) in PROGRAM_LINKS {
        tx.execute(
            "INSERT OR IGNORE INTO program_link (preceding_program_id, successor_program_id, kind)
             VALUES ((SELECT id FROM program WHERE code = ?1), (SELECT id FROM program WHERE code = ?2), ?3)",
            params![from, to, kind],
        )?;
    }
    Ok(())
}
