//! The built-in AMED reference tables (integrated projects, disease areas, programs and their
//! links), as seeded into every new database and as [`super::Reference::builtin`] builds them.

use crate::model::Phase;

/// A reference row's code, 名称 and English name.
pub type Names = (&'static str, &'static str, &'static str);

/// 3rd period (FY2025–): code, 名称, English working name.
pub const INTEGRATED_PROJECTS_3: &[Names] = &[
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
pub const INTEGRATED_PROJECTS_2: &[Names] = &[
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
pub const DISEASE_AREAS: &[(&str, &str, &str, Option<&str>)] = &[
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
pub const PROGRAMS: &[(&str, &str, &str, &str, &str, Phase, Phase)] = {
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
pub const PROGRAM_LINKS: &[(&str, &str, &str)] = &[
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

/// Integrated projects by period, in seeding (and display) order: the 3rd period first.
pub const INTEGRATED_PROJECTS: [(i64, &[Names]); 2] =
    [(3, INTEGRATED_PROJECTS_3), (2, INTEGRATED_PROJECTS_2)];
