//! The coded vocabularies of the domain: modality, roles, note kinds, flag states, decisions.

use super::Coded;

/// Declares a fieldless enum with its database code and Japanese / English labels.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($code:literal, $ja:literal, $en:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl Coded for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            fn name_ja(self) -> &'static str { match self { $($name::$variant => $ja),+ } }
            fn name_en(self) -> &'static str { match self { $($name::$variant => $en),+ } }
        }
    };
}

coded_enum! {
    /// 期限の種別: what a deadline is for.
    DeadlineKind {
        /// 年次報告（成果報告書）
        AnnualReport => ("annual_report", "年次報告", "Annual report"),
        /// 中間評価
        InterimEvaluation => ("interim_evaluation", "中間評価", "Interim evaluation"),
        /// 事後評価
        FinalEvaluation => ("final_evaluation", "事後評価", "Final evaluation"),
        /// ステージゲート評価 (scheduled; the decision itself is a stage_gate row)
        StageGate => ("stage_gate", "ステージゲート", "Stage gate"),
    }
}

coded_enum! {
    /// 添付の種別: what a linked file is.
    AttachmentKind {
        /// 推薦書
        Recommendation => ("recommendation", "推薦書", "Recommendation letter"),
        /// 報告書
        Report => ("report", "報告書", "Report"),
        /// 議事録
        Minutes => ("minutes", "議事録", "Minutes"),
        /// 契約書
        Contract => ("contract", "契約書", "Contract"),
        /// 知財（特許）資料
        Ip => ("ip", "知財資料", "IP document"),
        /// データ
        Data => ("data", "データ", "Data"),
        /// その他
        Other => ("other", "その他", "Other"),
    }
}

coded_enum! {
    /// 承認上の分類 (modality of the product a seed aims at).
    Modality {
        /// 医薬品
        Drug => ("drug", "医薬品", "Drug"),
        /// 医療機器 (incl. プログラム医療機器)
        Device => ("device", "医療機器", "Medical device"),
        /// 体外診断用医薬品
        Ivd => ("ivd", "体外診断用医薬品", "In-vitro diagnostic"),
        /// 再生医療等製品
        Regen => ("regen", "再生医療等製品", "Regenerative medicine product"),
        /// その他
        Other => ("other", "その他", "Other"),
    }
}

coded_enum! {
    /// The ministry a program (事業) is run for.
    Ministry {
        /// 文部科学省
        Mext => ("MEXT", "文部科学省", "MEXT"),
        /// 厚生労働省
        Mhlw => ("MHLW", "厚生労働省", "MHLW"),
        /// 経済産業省
        Meti => ("METI", "経済産業省", "METI"),
        /// その他
        Other => ("other", "その他", "Other"),
    }
}

coded_enum! {
    /// PD / PS / PO / DC: the officer roles that accompany projects.
    OfficerRole {
        /// プログラムディレクター
        Pd => ("PD", "PD", "Program director"),
        /// プログラムスーパーバイザー
        Ps => ("PS", "PS", "Program supervisor"),
        /// プログラムオフィサー
        Po => ("PO", "PO", "Program officer"),
        /// 疾患領域コーディネーター
        Dc => ("DC", "DC", "Disease-area coordinator"),
    }
}

coded_enum! {
    /// 伴走支援記録の種別: what kind of accompaniment a note records.
    NoteKind {
        /// 面談・助言
        Meeting => ("meeting", "面談・助言", "Meeting / advice"),
        /// サイトビジット
        SiteVisit => ("site_visit", "サイトビジット", "Site visit"),
        /// PMDA相談
        Pmda => ("pmda", "PMDA相談", "PMDA consultation"),
        /// 知財相談
        Ip => ("ip", "知財相談", "IP consultation"),
        /// AMED-FLuX
        Flux => ("flux", "AMED-FLuX", "AMED-FLuX"),
        /// 進捗報告
        Progress => ("progress", "進捗報告", "Progress report"),
        /// 評価
        Evaluation => ("evaluation", "評価", "Evaluation"),
        /// 企業導出
        Licensing => ("licensing", "企業導出", "Licensing"),
        /// その他
        Other => ("other", "その他", "Other"),
    }
}

coded_enum! {
    /// ハイウェイ支援フラグの状態. Candidate and recommended are "open".
    FlagStatus {
        /// 候補
        Candidate => ("candidate", "候補", "Candidate"),
        /// 推薦
        Recommended => ("recommended", "推薦", "Recommended"),
        /// 採用
        Accepted => ("accepted", "採用", "Accepted"),
        /// 見送り
        Declined => ("declined", "見送り", "Declined"),
        /// 取り下げ
        Withdrawn => ("withdrawn", "取り下げ", "Withdrawn"),
    }
}

impl FlagStatus {
    /// Open flags still await a decision; a project has at most one.
    pub fn is_open(self) -> bool {
        matches!(self, FlagStatus::Candidate | FlagStatus::Recommended)
    }
}

coded_enum! {
    /// Assessment of one licensing criterion (企業導出を見据えた共通ルール).
    CriterionStatus {
        /// 未評価
        NotAssessed => ("not_assessed", "未評価", "Not assessed"),
        /// 不十分
        Insufficient => ("insufficient", "不十分", "Insufficient"),
        /// 一部充足
        Partial => ("partial", "一部充足", "Partial"),
        /// 充足
        Sufficient => ("sufficient", "充足", "Sufficient"),
    }
}

coded_enum! {
    /// ステージゲートの判定.
    GateDecision {
        /// Go
        Go => ("go", "Go", "Go"),
        /// No-Go
        NoGo => ("no_go", "No-Go", "No-Go"),
        /// 条件付きGo
        Conditional => ("conditional", "条件付きGo", "Conditional"),
    }
}

coded_enum! {
    /// 成果の種別: what officers report against.
    OutcomeKind {
        /// 薬事承認
        RegulatoryApproval => ("regulatory_approval", "薬事承認", "Regulatory approval"),
        /// 企業導出
        Licensing => ("licensing", "企業導出", "Licensing"),
        /// 非臨床POC
        NonclinicalPoc => ("nonclinical_poc", "非臨床POC", "Non-clinical PoC"),
        /// 臨床試験開始
        ClinicalTrial => ("clinical_trial", "臨床試験", "Clinical trial"),
        /// 論文
        Paper => ("paper", "論文", "Paper"),
    }
}

coded_enum! {
    /// 企業導出の状況 (licensing status of a project's seed).
    LicensingStatus {
        /// 未導出
        None => ("none", "未導出", "None"),
        /// 交渉中
        Negotiating => ("negotiating", "交渉中", "Negotiating"),
        /// 権利譲渡
        Assignment => ("assignment", "権利譲渡", "Assignment"),
        /// 実施許諾
        License => ("license", "実施許諾", "License"),
        /// 共同研究開発契約
        JointDevelopment => ("joint_development", "共同研究開発契約", "Joint development"),
    }
}

coded_enum! {
    /// How a seed was handed from one program's project to the next.
    LineageKind {
        /// ペアリング: the successor program was chosen in advance.
        Pairing => ("pairing", "ペアリング", "Pairing"),
        /// マッチング: judged before the project ended, with a recommendation letter.
        Matching => ("matching", "マッチング", "Matching"),
        /// 公募を経ないハイウェイ支援.
        Highway => ("highway", "ハイウェイ支援", "Highway"),
        /// 新たな公募: the seed entered the successor through an ordinary open call.
        OpenCall => ("open_call", "公募", "Open call"),
    }
}

impl LicensingStatus {
    /// Whether the seed has been transferred to a company (導出済み).
    pub fn is_licensed(self) -> bool {
        matches!(
            self,
            LicensingStatus::Assignment
                | LicensingStatus::License
                | LicensingStatus::JointDevelopment
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fold_key;

    /// `Coded::parse` takes an exact code or label without folding: that is only the folded
    /// answer when no label folds to another value's name.
    fn labels_fold_to_their_own_value<T: Coded + PartialEq + std::fmt::Debug>() {
        for v in T::ALL {
            for name in [v.code(), v.name_ja(), v.name_en()] {
                let first = T::ALL.iter().copied().find(|u| {
                    [u.code(), u.name_ja(), u.name_en()]
                        .iter()
                        .any(|n| fold_key(n) == fold_key(name))
                });
                assert_eq!(first, Some(*v), "{name}");
            }
        }
    }

    #[test]
    fn exact_labels_parse_as_folded_ones() {
        labels_fold_to_their_own_value::<Modality>();
        labels_fold_to_their_own_value::<Ministry>();
        labels_fold_to_their_own_value::<OfficerRole>();
        labels_fold_to_their_own_value::<NoteKind>();
        labels_fold_to_their_own_value::<FlagStatus>();
        labels_fold_to_their_own_value::<CriterionStatus>();
        labels_fold_to_their_own_value::<GateDecision>();
        labels_fold_to_their_own_value::<OutcomeKind>();
        labels_fold_to_their_own_value::<LicensingStatus>();
        labels_fold_to_their_own_value::<crate::model::Phase>();
    }

    #[test]
    fn note_kinds_accept_cli_names_and_japanese() {
        assert_eq!(NoteKind::parse("site-visit"), Some(NoteKind::SiteVisit));
        assert_eq!(NoteKind::parse("サイトビジット"), Some(NoteKind::SiteVisit));
        assert_eq!(NoteKind::parse("ＰＭＤＡ相談"), Some(NoteKind::Pmda));
        assert_eq!(NoteKind::parse("lunch"), None);
    }

    #[test]
    fn open_flags_are_candidate_and_recommended() {
        let open: Vec<_> = FlagStatus::ALL.iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, [&FlagStatus::Candidate, &FlagStatus::Recommended]);
    }

    #[test]
    fn codes_are_unique_per_vocabulary() {
        fn unique<T: Coded>() -> bool {
            let mut codes: Vec<_> = T::ALL.iter().map(|v| v.code()).collect();
            codes.sort_unstable();
            codes.windows(2).all(|w| w[0] != w[1])
        }
        assert!(unique::<Modality>() && unique::<NoteKind>() && unique::<FlagStatus>());
        assert!(unique::<OutcomeKind>() && unique::<LicensingStatus>() && unique::<GateDecision>());
    }
}
