//! AMED reference data (integrated projects, disease areas, programs and their links): the
//! in-memory copy the rest of seedline resolves names against, and the built-in tables.

pub mod builtin;
pub mod names;
pub mod program;

pub use names::{NameIndex, NameMatch, RefKind, suggest};
pub use program::{LinkKind, NewProgram, ProgramChange, ProgramLink, ProgramRow};

use super::{Coded, Date, Phase};

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
    /// 廃止日: a retired program keeps its projects and is not offered for new ones.
    pub retired_on: Option<Date>,
    /// Optimistic version (`program edit` checks it).
    pub version: i64,
}

/// All reference data, in display order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reference {
    pub integrated_projects: Vec<IntegratedProjectRef>,
    pub disease_areas: Vec<DiseaseAreaRef>,
    pub programs: Vec<ProgramRef>,
    /// Pairings and matchings, in the order they were added.
    pub program_links: Vec<ProgramLink>,
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
            .filter(|l| l.preceding == program_id)
            .filter_map(|l| self.program(l.successor))
            .collect()
    }

    /// The built-in reference data as a fresh database holds it, without SQLite: rows in seeding
    /// order with the ids SQLite assigns them (1, 2, … per table), so that the app can be built and
    /// tested from plain data. A test checks it against `Store::reference` of a new database.
    pub fn builtin() -> Reference {
        let integrated_projects: Vec<IntegratedProjectRef> = builtin::INTEGRATED_PROJECTS
            .iter()
            .flat_map(|(period, list)| list.iter().map(move |row| (*period, row)))
            .zip(1..)
            .map(|((period, (code, ja, en)), id)| IntegratedProjectRef {
                id,
                code: code.to_string(),
                name_ja: ja.to_string(),
                name_en: en.to_string(),
                period,
            })
            .collect();
        let mut disease_areas: Vec<DiseaseAreaRef> = Vec::new();
        for ((code, ja, en, parent), id) in builtin::DISEASE_AREAS.iter().zip(1..) {
            let parent_id =
                parent.and_then(|p| disease_areas.iter().find(|a| a.code == p).map(|a| a.id));
            disease_areas.push(DiseaseAreaRef {
                id,
                code: code.to_string(),
                name_ja: ja.to_string(),
                name_en: en.to_string(),
                parent_id,
            });
        }
        let programs: Vec<ProgramRef> = builtin::PROGRAMS
            .iter()
            .zip(1..)
            .map(
                |((code, ja, en, ministry, ip, first, last), id)| ProgramRef {
                    id,
                    code: code.to_string(),
                    name_ja: ja.to_string(),
                    name_en: en.to_string(),
                    ministry: ministry.to_string(),
                    integrated_project_id: integrated_projects
                        .iter()
                        .find(|p| p.code == *ip)
                        .map_or(0, |p| p.id),
                    first_phase: *first,
                    last_phase: *last,
                    retired_on: None,
                    version: 1,
                },
            )
            .collect();
        let program_id = |code: &str| programs.iter().find(|p| p.code == code).map(|p| p.id);
        let program_links = builtin::PROGRAM_LINKS
            .iter()
            .filter_map(|(from, to, kind)| {
                Some(ProgramLink {
                    preceding: program_id(from)?,
                    successor: program_id(to)?,
                    kind: LinkKind::parse(kind)?,
                    since: None,
                })
            })
            .collect();
        Reference {
            integrated_projects,
            disease_areas,
            programs,
            program_links,
        }
    }
}
