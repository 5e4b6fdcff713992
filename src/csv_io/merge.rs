//! Upsert of an existing project: which stored values a row leaves alone (columns the file does
//! not have; for KAKEN rows, everything officers set rather than KAKEN).

use super::columns::Field;
use super::validate::Header;
use crate::model::NewProject;

/// Under upsert, a column the file does not have keeps the stored value.
pub fn keep_absent_columns(p: &mut NewProject, old: &NewProject, header: &Header) {
    let has = |f: Field| {
        header
            .columns
            .iter()
            .any(|c| c.is_some_and(|c| c.field == f))
    };
    if !has(Field::IntegratedProject) && p.program == old.program {
        p.integrated_project = old.integrated_project.clone();
    }
    if !has(Field::PiTitle) {
        p.pi_title = old.pi_title.clone();
    }
    if !has(Field::EndDate) {
        p.end_date = old.end_date;
    }
    if !has(Field::Budget) {
        p.budget_total_kyen = old.budget_total_kyen;
    }
    if !has(Field::Modality) {
        p.modality = old.modality;
    }
    if !has(Field::DiseaseAreas) {
        p.disease_areas = old.disease_areas.clone();
    }
    if !has(Field::Summary) {
        p.summary = old.summary.clone();
    }
    if !has(Field::Licensing) {
        p.licensing_status = old.licensing_status;
    }
    if !has(Field::Partner) {
        p.partner_company = old.partner_company.clone();
    }
}

/// Under upsert, a KAKEN row updates only what KAKEN holds (title, period, PI, institution,
/// amount, keywords): what officers set (program, phase, modality, areas, ...) stays.
pub fn keep_officer_fields(p: &mut NewProject, old: &NewProject) {
    p.program = old.program.clone();
    p.integrated_project = old.integrated_project.clone();
    p.phase = old.phase;
    p.modality = old.modality;
    p.disease_areas = old.disease_areas.clone();
    p.licensing_status = old.licensing_status;
    p.partner_company = old.partner_company.clone();
    p.pi_title = old.pi_title.clone();
}
