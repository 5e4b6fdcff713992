//! The eight real approvals from AMED-supported research (`../shared/domain.md`), always in the demo
//! as projects at 実用化 with their approval outcome. PIs and institutions attached to them in the
//! demo are synthetic.

use crate::model::Modality;

/// One real approval and where its project sits in seedline.
pub struct Approval {
    pub product: &'static str,
    pub title: &'static str,
    pub modality: Modality,
    pub approved_on: &'static str,
    pub indication: &'static str,
    pub program: &'static str,
    pub integrated_project: &'static str,
    pub areas: &'static [&'static str],
}

pub const APPROVALS: &[Approval] = &[
    Approval {
        product: "ラパリムス",
        title: "ラパリムス（シロリムス）の難治性リンパ管疾患に対する適応拡大を目指した医師主導治験",
        modality: Modality::Drug,
        approved_on: "2021-09-27",
        indication: "難治性リンパ管疾患",
        program: "rare-practical",
        integrated_project: "drug",
        areas: &["rare"],
    },
    Approval {
        product: "エザルミア",
        title: "エザルミア（バレメトスタット）による再発・難治性成人T細胞白血病リンパ腫の治療開発",
        modality: Modality::Drug,
        approved_on: "2022-09-26",
        indication: "再発・難治性 成人T細胞白血病リンパ腫",
        program: "cancer-practical",
        integrated_project: "drug",
        areas: &["cancer"],
    },
    Approval {
        product: "ダイチロナ筋注",
        title: "ダイチロナ筋注（mRNAワクチン）によるSARS-CoV-2感染症予防の研究開発",
        modality: Modality::Drug,
        approved_on: "2023-08-02",
        indication: "SARS-CoV-2 感染症の予防",
        program: "infect-drug",
        integrated_project: "infect",
        areas: &["infection"],
    },
    Approval {
        product: "ユニツキシン",
        title: "ユニツキシン（ジヌツキシマブ）による高リスク神経芽腫に対する抗GD2抗体療法の開発",
        modality: Modality::Drug,
        approved_on: "2021-06-23",
        indication: "神経芽腫",
        program: "cancer-practical",
        integrated_project: "drug",
        areas: &["cancer", "child"],
    },
    Approval {
        product: "APOA2-iTQ",
        title: "APOA2-iTQ：血液アポリポタンパクA2アイソフォームによる膵がん早期診断補助法の開発",
        modality: Modality::Ivd,
        approved_on: "2023-06-08",
        indication: "膵がんの診断の補助",
        program: "cancer-practical",
        integrated_project: "drug",
        areas: &["cancer"],
    },
    Approval {
        product: "デリタクト注",
        title: "デリタクト注（テセルパツレブ、G47Δ）による悪性神経膠腫に対するウイルス療法の実用化",
        modality: Modality::Regen,
        approved_on: "2021-06-11",
        indication: "悪性神経膠腫",
        program: "regen-practical",
        integrated_project: "regen",
        areas: &["cancer"],
    },
    Approval {
        product: "シンフォリウム",
        title: "シンフォリウム：先天性心疾患手術用の成長する心・血管修復パッチの開発",
        modality: Modality::Device,
        approved_on: "2023-07-11",
        indication: "先天性心疾患手術用の心・血管修復パッチ",
        program: "device-dev",
        integrated_project: "device",
        areas: &["child"],
    },
    Approval {
        product: "ビズノバ",
        title: "ビズノバ（ネルテペンドセル）：培養ヒト角膜内皮細胞による水疱性角膜症治療の実用化",
        modality: Modality::Regen,
        approved_on: "2023-03-17",
        indication: "水疱性角膜症",
        program: "regen-practical",
        integrated_project: "regen",
        areas: &[],
    },
];
