//! The built-in AMED reference tables (integrated projects, disease areas, programs and their
//! links), as seeded into every new database and as [`super::Reference::builtin`] builds them.

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

pub use programs::{PROGRAM_LINKS, PROGRAMS};

mod programs;

/// Version of the built-in reference tables above and in `programs.rs`. **Bump it whenever any of
/// them changes** (a row added or edited): a writable open of an older database sees the larger
/// number and adds the missing rows once (`store::reference::catch_up`); an unchanged number costs
/// that open a single read.
pub const REFERENCE_VERSION: i64 = 2;

/// Integrated projects by period, in seeding (and display) order: the 3rd period first.
pub const INTEGRATED_PROJECTS: [(i64, &[Names]); 2] =
    [(3, INTEGRATED_PROJECTS_3), (2, INTEGRATED_PROJECTS_2)];
