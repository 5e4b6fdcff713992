//! Word lists the demo composes plausible Japanese project titles, names and notes from.
//! Institutions are real public research bodies; people and officers are fictional.

use crate::model::NoteKind;
use crate::model::Phase::{self, *};

pub const SURNAMES: &[&str] = &[
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
    "山崎",
    "森",
    "池田",
    "橋本",
    "阿部",
    "石川",
    "山下",
    "中島",
    "石井",
    "小川",
    "前田",
    "岡田",
    "長谷川",
    "藤田",
    "後藤",
    "近藤",
];

pub const GIVEN_NAMES: &[&str] = &[
    "健一",
    "誠",
    "浩",
    "直樹",
    "大輔",
    "智子",
    "裕子",
    "恵",
    "美穂",
    "隆",
    "亮",
    "翔太",
    "陽子",
    "真理子",
    "和也",
    "拓也",
    "由美",
    "修",
    "聡",
    "綾",
    "光",
    "昌弘",
    "理恵",
    "達也",
    "香織",
    "徹",
];

pub const PI_TITLES: &[&str] = &[
    "教授",
    "教授",
    "教授",
    "准教授",
    "准教授",
    "講師",
    "主任研究員",
    "部長",
    "センター長",
    "特任教授",
];

pub const INSTITUTIONS: &[&str] = &[
    "東京大学",
    "京都大学",
    "大阪大学",
    "東北大学",
    "九州大学",
    "北海道大学",
    "名古屋大学",
    "慶應義塾大学",
    "東京科学大学",
    "筑波大学",
    "千葉大学",
    "神戸大学",
    "岡山大学",
    "広島大学",
    "熊本大学",
    "金沢大学",
    "順天堂大学",
    "国立がん研究センター",
    "国立精神・神経医療研究センター",
    "国立成育医療研究センター",
    "国立循環器病研究センター",
    "理化学研究所",
    "量子科学技術研究開発機構",
    "国立感染症研究所",
    "医薬基盤・健康・栄養研究所",
    "産業技術総合研究所",
];

pub const COMPANIES: &[&str] = &[
    "第一三共株式会社",
    "アステラス製薬株式会社",
    "武田薬品工業株式会社",
    "中外製薬株式会社",
    "エーザイ株式会社",
    "塩野義製薬株式会社",
    "オリンパス株式会社",
    "テルモ株式会社",
    "富士フイルム株式会社",
    "シスメックス株式会社",
    "株式会社ヘリオス",
    "株式会社メディネット",
];

/// (target phrase, disease area codes) for drug-like seeds: the first area always, the others
/// for some projects (a childhood cancer is also 成育).
pub const TARGETS: &[(&str, &[&str])] = &[
    ("KRAS G12C変異陽性非小細胞肺がん", &["cancer"]),
    ("膵がん微小環境のがん関連線維芽細胞", &["cancer"]),
    ("成人T細胞白血病リンパ腫", &["cancer", "infection"]),
    ("小児神経芽腫", &["cancer", "child"]),
    ("トリプルネガティブ乳がん", &["cancer"]),
    ("悪性神経膠腫", &["cancer"]),
    ("肝細胞がんの免疫抑制性微小環境", &["cancer"]),
    ("筋萎縮性側索硬化症（ALS）", &["rare", "neuro"]),
    ("デュシェンヌ型筋ジストロフィー", &["rare", "child"]),
    ("難治性リンパ管疾患", &["rare"]),
    ("先天性代謝異常症", &["rare", "child"]),
    ("特発性肺線維症", &["rare"]),
    ("2型糖尿病の膵β細胞不全", &["lifestyle"]),
    ("非アルコール性脂肪肝炎（NASH）", &["lifestyle"]),
    ("心不全の心筋線維化", &["lifestyle"]),
    ("治療抵抗性うつ病", &["neuro"]),
    ("統合失調症の認知機能障害", &["neuro"]),
    ("アルツハイマー病のタウ病理", &["dementia", "neuro"]),
    ("レビー小体型認知症", &["dementia", "neuro"]),
    ("早産児の慢性肺疾患", &["child"]),
    ("小児難治性てんかん", &["child", "neuro"]),
    ("歯周病と全身疾患の連関", &["dental", "lifestyle"]),
    ("薬剤耐性菌感染症", &["infection"]),
    ("RSウイルス感染症", &["infection", "child"]),
    ("新興呼吸器ウイルス感染症", &["infection"]),
];

/// Approaches of drug-like seeds, with the earliest phase each makes sense in.
pub const DRUG_APPROACHES: &[(&str, Phase)] = &[
    ("を標的とした低分子阻害薬の創製", Basic),
    ("に対するアンチセンス核酸医薬の開発", Basic),
    ("を標的とする抗体薬物複合体（ADC）の開発", Basic),
    ("に対する中分子ペプチド医薬の探索", Basic),
    ("の新規治療標的の同定と検証", Basic),
    ("に対するドラッグリポジショニング研究", Basic),
    ("を対象としたmRNA医薬の研究開発", Basic),
    ("に対するファースト・イン・ヒューマン試験", Clinical),
];

/// Device themes with the disease areas they serve (none for a platform technology).
pub const DEVICE_THEMES: &[(&str, &[&str])] = &[
    (
        "AIを用いた内視鏡画像による早期消化管がん診断支援プログラム医療機器の開発",
        &["cancer"],
    ),
    ("低侵襲カテーテル治療デバイスの研究開発", &["lifestyle"]),
    ("在宅モニタリング用ウェアラブル心電計の開発", &["lifestyle"]),
    ("手術支援ロボットの触覚フィードバック機構の実用化", &[]),
    ("小児用補助人工心臓の開発", &["child"]),
    ("生体吸収性冠動脈ステントの開発", &["lifestyle"]),
    ("聴覚障害者向け人工内耳電極の改良", &[]),
    ("超音波を用いた非侵襲的血糖測定装置の開発", &["lifestyle"]),
];

/// Regenerative-medicine themes with the disease areas they serve.
pub const REGEN_THEMES: &[(&str, &[&str])] = &[
    ("iPS細胞由来心筋シートによる重症心不全治療", &["lifestyle"]),
    (
        "ヒトiPS細胞由来ドパミン神経前駆細胞移植によるパーキンソン病治療",
        &["neuro"],
    ),
    ("培養角膜内皮細胞注入による水疱性角膜症治療", &[]),
    ("CAR-T細胞療法の固形がんへの展開", &["cancer"]),
    ("AAVベクターを用いた遺伝子治療の製造基盤技術開発", &["rare"]),
    ("間葉系幹細胞を用いた脊髄損傷治療", &[]),
    ("ゲノム編集造血幹細胞による遺伝性血液疾患の治療", &["rare"]),
];

pub const IVD_THEMES: &[&str] = &[
    "血中バイオマーカーによる早期診断法の開発",
    "リキッドバイオプシーを用いたコンパニオン診断薬の開発",
    "迅速核酸増幅検査キットの実用化",
];

pub const BASIC_THEMES: &[&str] = &[
    "の分子病態解明",
    "における免疫応答機構の解析",
    "の発症メカニズムに基づく新規治療標的の探索",
    "の大規模ゲノム・オミクス解析",
    "のリアルワールドデータを用いた予後予測モデルの構築",
];

/// Accompaniment notes: kind, body, and the phases in which the body makes sense (first, last),
/// so that a basic-research project is not told about its clinical trial protocol.
pub const NOTES: &[(NoteKind, &str, Phase, Phase)] = &[
    (
        NoteKind::Meeting,
        "研究代表者と面談。進捗は計画どおり。次回までに非臨床試験計画の見直し案を共有いただく。",
        Applied,
        NonClinical,
    ),
    (
        NoteKind::SiteVisit,
        "サイトビジットを実施。GMP準拠の製造体制について課題を確認し、改善策を助言した。",
        NonClinical,
        Practical,
    ),
    (
        NoteKind::Pmda,
        "PMDA RS戦略相談の事前面談に同席。毒性試験の追加要否について論点を整理。",
        NonClinical,
        Clinical,
    ),
    (
        NoteKind::Ip,
        "知財部と連携し特許出願戦略を確認。周辺特許の調査が必要との指摘あり。",
        Basic,
        Practical,
    ),
    (
        NoteKind::Flux,
        "AMED-FLuXにて企業有識者から助言。ターゲットの競合状況について追加データを求められた。",
        Basic,
        NonClinical,
    ),
    (
        NoteKind::Progress,
        "進捗報告会。主要評価項目の中間結果は良好。症例登録が遅れており対策を検討中。",
        Clinical,
        Clinical,
    ),
    (
        NoteKind::Evaluation,
        "中間評価に向けた資料を確認。達成目標の記載を具体化するよう助言した。",
        Basic,
        Practical,
    ),
    (
        NoteKind::Licensing,
        "企業導出に向けて製薬企業2社と面談。秘密保持契約締結済み、評価データを提供予定。",
        NonClinical,
        Clinical,
    ),
    (
        NoteKind::Meeting,
        "班会議に出席。研究体制の変更（分担機関追加）について相談を受けた。",
        Basic,
        Practical,
    ),
    (
        NoteKind::Evaluation,
        "ステージゲート審査の準備状況を確認。Go判定に必要なデータが揃う見込み。",
        Basic,
        Clinical,
    ),
    (
        NoteKind::Other,
        "後継事業へのハイウェイ支援の可能性について PS と協議。推薦書の準備を依頼。",
        Basic,
        Clinical,
    ),
    (
        NoteKind::Meeting,
        "臨床試験の実施計画書について倫理審査委員会の指摘事項への対応を確認。",
        Clinical,
        Clinical,
    ),
    (
        NoteKind::Meeting,
        "研究代表者と面談。標的分子の機能解析は順調。モデル動物での検証計画について助言した。",
        Basic,
        Applied,
    ),
    (
        NoteKind::Progress,
        "進捗報告会。候補物質の最適化が進み、薬効評価系が確立された。次年度の評価計画を確認。",
        Basic,
        Applied,
    ),
    (
        NoteKind::SiteVisit,
        "サイトビジットを実施。解析基盤と研究体制を確認し、データ管理の手順について助言した。",
        Basic,
        Applied,
    ),
    (
        NoteKind::Progress,
        "市販後調査の進捗を確認。適応拡大に向けた追加試験の計画について助言した。",
        Practical,
        Practical,
    ),
    (
        NoteKind::Meeting,
        "製造販売業者と面談。安定供給体制と市販後の安全性情報の収集状況を確認。",
        Practical,
        Practical,
    ),
];

/// Fictional officers: name, role.
pub const OFFICERS: &[(&str, &str)] = &[
    ("宮本 和夫", "PD"),
    ("大野 恵子", "PS"),
    ("片山 誠一", "PS"),
    ("西村 直子", "PS"),
    ("上田 修", "PS"),
    ("岩崎 美紀", "PO"),
    ("野口 健太", "PO"),
    ("松井 沙織", "PO"),
    ("菅原 拓海", "PO"),
    ("増田 千尋", "PO"),
    ("久保 雄介", "PO"),
    ("本田 彩", "PO"),
    ("平野 康弘", "DC"),
    ("川口 玲奈", "DC"),
];
