//! Built-in programs (事業) and program links, each row with the public source it came from.
//!
//! Sources (cited per row by the short names in brackets):
//! - [MHLW-R8] 厚生労働省「令和8年度研究事業実施方針(AMED研究)(案)」, 厚生科学審議会 科学技術部会
//!   第145回 (2025-07-16), <https://www.mhlw.go.jp/stf/newpage_59644.html> (資料1-1; read page by
//!   page as <https://www.wic-net.com/material/document/20867/N>, `p.N` below). Each program's head
//!   table names its プロジェクト(PJ), 主管部局 and AMED 担当部.
//! - [MHLW-R8-G] the same meeting's 資料1-2「…(案)の概要」, <https://www.wic-net.com/material/document/20868/N>.
//! - [MHLW-R5] 「令和5年度研究事業実施方針(案)【AMED研究】」, 科学技術部会 第130回 (2022-07-14),
//!   <https://www.mhlw.go.jp/stf/newpage_26761.html> (<https://wic-net.com/material/document/3659/N>):
//!   2nd-period project names, used only where the R8 document was not found for a program.
//! - [MEXT-R8] 文部科学省「09 研究振興局主要事項 -令和8年度科学技術関係概算要求-」
//!   <https://www.mext.go.jp/a_menu/yosan/r01/1420668_00003.html> (<https://www.wic-net.com/material/document/21561/N>);
//!   [MEXT-R7] the same for 令和7年度 (<https://www.mext.go.jp/a_menu/yosan/r01/1420668_00002.html>,
//!   <https://wic-net.com/material/document/16560/N>).
//! - [AMED-PJ] AMED 分野別紹介 pages of the 3rd-period projects, e.g.
//!   <https://www.amed.go.jp/program/list/index_03_04.html> (感染症),
//!   <https://www.amed.go.jp/program/list/index_03_07.html> (橋渡し・臨床加速化).
//! - [AMED-call] AMED 公募 pages, whose 基本情報 give 分野 (the integrated project) and 開発フェーズ.
//!
//! Not found in the searchable copies: a ministry-wide 研究事業実施方針 (AMED研究) table for MEXT or
//! METI (only their budget requests and AMED's call pages), and 内閣府/総務省 program tables. So MEXT
//! and METI programs are those whose ministry and project a source states; see the report of
//! issue 12 for programs seen without both (e.g. 脳神経科学統合プログラム, 創薬支援推進事業,
//! 次世代治療・診断実現のための創薬基盤技術開発事業, ワクチン開発のための世界トップレベル研究開発拠点の形成事業).
//!
//! Phases are first and last of 基礎 → 応用 → 非臨床 → 臨床 → 実用化. "stated" means the source says
//! the stage; "inferred" is a conservative reading of the program's stated purpose. English names
//! are working names: none of the sources gave AMED's English for the new rows.
//!
//! Append new rows at the end (ids follow the order) and bump `REFERENCE_VERSION`.

use crate::model::Phase;

/// Programs (事業): code, 名称, English, ministry, integrated project, first and last phase.
/// Historical programs of the cancer and device chains sit in the 2nd-period project closest to them.
pub const PROGRAMS: &[(&str, &str, &str, &str, &str, Phase, Phase)] = {
    use Phase::*;
    &[
        // [MHLW-R8] p.38: 医薬品 PJ, 再生 PJ, データ PJ (listed under drug, the first). Phases stated
        // in [MHLW-R8-G] p.28: 非臨床領域の後半から臨床領域を中心に.
        (
            "cancer-practical",
            "革新的がん医療実用化研究事業",
            "Practical Research for Innovative Cancer Control",
            "MHLW",
            "drug",
            NonClinical,
            Clinical,
        ),
        // [MEXT-R8] p.21 (MEXT; 有望な基礎研究を応用研究以降のフェーズに引き上げ); project from domain.md.
        (
            "p-promote",
            "次世代がん医療加速化研究事業",
            "P-PROMOTE",
            "MEXT",
            "drug",
            Basic,
            NonClinical,
        ),
        // [MHLW-R8] p.66: 医薬品 PJ, 再生 PJ, データ PJ; [AMED-call] koubo/03001/02/B_00001 (R8):
        // 基礎的 … 治験, 観察研究等 (stated; practical per domain.md).
        (
            "rare-practical",
            "難治性疾患実用化研究事業",
            "Practical Research Project for Rare / Intractable Diseases",
            "MHLW",
            "drug",
            Basic,
            Practical,
        ),
        // [MHLW-R5] p.3 (医薬品プロジェクト; 創薬の基盤技術): phases inferred.
        (
            "drug-base",
            "創薬基盤推進研究事業",
            "Research on Development of New Drugs",
            "MHLW",
            "drug",
            Basic,
            NonClinical,
        ),
        // [MHLW-R8] p.60: 感染症 PJ; 基礎的な研究から…実用化に向けた開発研究まで (stated).
        (
            "infect-drug",
            "新興・再興感染症に対する革新的医薬品等開発推進研究事業",
            "Research Program on Emerging and Re-emerging Infectious Diseases",
            "MHLW",
            "infect",
            Basic,
            Practical,
        ),
        // [AMED-PJ] index_03_04 lists it under 感染症; AMED program/list/15/01/001: 基礎的,応用
        // (MEXT per domain.md; basic only, conservative).
        (
            "infect-base",
            "新興・再興感染症研究基盤創生事業",
            "Japan Program for Infectious Diseases Research and Infrastructure",
            "MEXT",
            "infect",
            Basic,
            Basic,
        ),
        // [AMED-PJ] index_03_04: SCARDA, 基礎研究から実用化まで (stated); ministry not stated: other.
        (
            "scarda",
            "ワクチン・新規モダリティ研究開発事業",
            "Vaccine and New Modality R&D (SCARDA)",
            "other",
            "infect",
            Basic,
            Practical,
        ),
        // [AMED-PJ] index_03_07: 基礎研究から臨床試験段階までの一貫した橋渡し研究開発支援 (stated).
        (
            "bridge",
            "橋渡し研究プログラム",
            "Translational Research Program",
            "MEXT",
            "trans",
            Basic,
            Clinical,
        ),
        // [AMED-call] koubo/16/01/1601B_00076 (R7): 基礎的 … 臨床試験,治験 (stated); [AMED-PJ] index_03_07.
        (
            "med-support",
            "医学系研究支援プログラム",
            "Medical Research Support Program",
            "MEXT",
            "trans",
            Basic,
            Clinical,
        ),
        // [MHLW-R8-G] p.18: 医療機器・ヘルスケア; [MHLW-R5] p.22; 臨床研究・治験等 (stated).
        (
            "device-dev",
            "医療機器開発推進研究事業",
            "Research on Development of Medical Devices",
            "MHLW",
            "device",
            NonClinical,
            Clinical,
        ),
        // [AMED-call] koubo/12/01/1201B_00087 (R6): 基礎的,応用; 医療機器・ヘルスケア (stated).
        (
            "device-results",
            "医療機器等研究成果展開事業",
            "Development of Medical Devices through Research Results",
            "MEXT",
            "device",
            Basic,
            Applied,
        ),
        // [AMED-call] koubo/12/01/1201B_00046 (R5): 経済産業省事業; 基礎的,応用 (stated).
        (
            "device-resilience",
            "医療機器等における先進的研究開発・開発体制強靭化事業",
            "Advanced R&D and Resilience for Medical Devices",
            "METI",
            "device",
            Basic,
            Applied,
        ),
        // [AMED-call] R8 医工連携グローバル展開事業 (研究開発事業): 医療機器・ヘルスケア; 非臨床 … 治験
        // (as mirrored at king-skyfront.ne.jp/?p=5013); METI per domain.md.
        (
            "device-global",
            "医工連携グローバル展開事業",
            "Medical-Engineering Collaboration Global Expansion",
            "METI",
            "device",
            NonClinical,
            Practical,
        ),
        // domain.md; [MHLW-R8] p.32 (本文, KPI). AMED's R8 call (koubo/03003/01/B_00002) names it
        // 再生医療等実用化研究事業 with 非臨床 … 治験; the name here is kept for existing databases.
        (
            "regen-practical",
            "再生医療実用化研究事業",
            "Research Project for Practical Applications of Regenerative Medicine",
            "MHLW",
            "regen",
            Clinical,
            Clinical,
        ),
        // domain.md (METI; manufacturing, non-clinical); cited with 難治性 in [MHLW-R8-G] p.50.
        (
            "regen-industry",
            "再生医療・遺伝子治療の産業化に向けた基盤技術開発事業",
            "Base Technology for Industrialising Regenerative and Gene Therapy",
            "METI",
            "regen",
            Applied,
            NonClinical,
        ),
        // domain.md; a METI call read aloud at gxf-gogai.com/?p=198: 非臨床試験後 … 第二相 (stated).
        (
            "venture-eco",
            "創薬ベンチャーエコシステム強化事業",
            "Drug Discovery Venture Ecosystem Enhancement",
            "METI",
            "eco",
            NonClinical,
            Clinical,
        ),
        // [MEXT-R8] 08 科学技術・学術政策局 p.11 (wic-net 21560/11): 分野横断的な基礎研究 (stated).
        (
            "crest",
            "革新的先端研究開発支援事業",
            "AMED-CREST / PRIME",
            "MEXT",
            "seeds",
            Basic,
            Basic,
        ),
        // Historical chain (domain.md): P-DIRECT → P-CREATE → P-PROMOTE.
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
        // Historical device chain (domain.md); 医工連携事業化推進事業 was 経済産業省's (its H27 公募要領).
        (
            "medeng-commercial",
            "医工連携事業化推進事業",
            "Medical-Engineering Collaboration Commercialisation",
            "METI",
            "device2",
            Applied,
            Practical,
        ),
        // AMED program/list/12/01/007_chiiki_r6_jigo: 第二期中長期計画期間におけるプロジェクト.
        (
            "medeng-innovation",
            "医工連携イノベーション推進事業",
            "Medical-Engineering Collaboration Innovation",
            "METI",
            "device2",
            Applied,
            Practical,
        ),
        // ---- added with REFERENCE_VERSION 2 (issue 12) ----
        // [MHLW-R8] p.44: データ利活用・ライフコース PJ, 老健局; 本態解明、予防、診断及び治療などの
        // 基礎研究及び臨床研究 (stated: basic → clinical).
        (
            "dementia",
            "認知症研究開発事業",
            "Research and Development for Dementia",
            "MHLW",
            "data",
            Basic,
            Clinical,
        ),
        // [MHLW-R8] p.112: 感染症 PJ, 肝炎対策推進室. Phases inferred (治療法・病態解明・肝発がん).
        (
            "hepatitis",
            "肝炎等克服実用化研究事業",
            "Research Program on Hepatitis",
            "MHLW",
            "infect",
            Basic,
            Clinical,
        ),
        // [AMED-call] koubo/03007/02/B_00002 (R8): 橋渡し・臨床加速化プロジェクト; 臨床試験,治験,
        // 観察研究等 (stated); MHLW: [MHLW-R8] pp.10-12 (生物統計家育成, アジア地域ネットワーク).
        (
            "clinical-trials",
            "臨床研究・治験推進研究事業",
            "Promotion of Clinical Research and Trials",
            "MHLW",
            "trans",
            Clinical,
            Clinical,
        ),
        // [MHLW-R8] p.80: データ利活用・ライフコース PJ, 健康・生活衛生局健康課; AMED 評価
        // (program/list/15/01/006_hyoka-r01): 基礎から実用化までの一貫した研究開発 (stated).
        (
            "lifestyle",
            "循環器疾患・糖尿病等生活習慣病対策実用化研究事業",
            "Practical Research on Cardiovascular Diseases, Diabetes and Lifestyle Diseases",
            "MHLW",
            "data",
            Basic,
            Practical,
        ),
        // [MHLW-R8] p.117: データ利活用・ライフコースプロジェクト, 老健局. Phases inferred (予防手法・
        // ケア手法の開発と社会実装).
        (
            "aging",
            "長寿科学研究開発事業",
            "Research on Longevity Science",
            "MHLW",
            "data",
            Applied,
            Practical,
        ),
        // [MHLW-R8] p.14: 医薬品 PJ, 医薬局. Phases inferred (評価手法の開発・標準化から市販後安全対策).
        (
            "regulatory",
            "医薬品等規制調和・評価研究事業",
            "Research on Regulatory Science of Pharmaceuticals and Medical Devices",
            "MHLW",
            "drug",
            NonClinical,
            Practical,
        ),
        // [MHLW-R8] p.85: データ利活用・ライフコースプロジェクト, 健康課. Phases inferred (エビデンス
        // に基づく健康増進…とその実用化).
        (
            "womens-health",
            "女性の健康の包括的支援実用化研究事業",
            "Comprehensive Support for Women's Health",
            "MHLW",
            "data",
            Applied,
            Practical,
        ),
        // [MHLW-R8] p.90: データ利活用・ライフコース PJ, がん・疾病対策課. Phases inferred.
        (
            "kidney",
            "腎疾患実用化研究事業",
            "Practical Research on Renal Diseases",
            "MHLW",
            "data",
            Basic,
            Clinical,
        ),
        // [MHLW-R8] p.93: データ利活用・ライフコース PJ, がん・疾病対策課. Phases inferred (病態解明
        // から治療薬の実用化に関する開発研究, pp.96-97).
        (
            "allergy",
            "免疫アレルギー疾患実用化研究事業",
            "Practical Research on Allergic and Immunological Diseases",
            "MHLW",
            "data",
            Basic,
            Clinical,
        ),
        // [MHLW-R8] p.99: 移植医療対策推進室; its head still names ゲノム・データ基盤 PJ (the 2nd-period
        // name), so `data`, its 3rd-period successor, is inferred. Phases inferred.
        (
            "transplant",
            "移植医療技術開発研究事業",
            "Research on Transplantation Technology",
            "MHLW",
            "data",
            Applied,
            Clinical,
        ),
        // [MHLW-R8] p.103: データ利活用・ライフコース, 難病対策課. Phases inferred (病態機序の解明、
        // 客観的評価法や新規疼痛治療法の開発).
        (
            "chronic-pain",
            "慢性の痛み解明研究事業",
            "Research on Chronic Pain",
            "MHLW",
            "data",
            Basic,
            Clinical,
        ),
        // [MHLW-R8] pp.109-110 (本文) and p.65 (感染症関連の3研究事業: エイズ、新興・再興、肝炎); its
        // head page was not found, so `infect` is inferred from that grouping ([MHLW-R5] p.124 had
        // 疾患基礎研究). e-Rad 公募 K045941: 基礎から実用化に向けて一貫して推進 (stated).
        (
            "aids",
            "エイズ対策実用化研究事業",
            "Practical Research on AIDS",
            "MHLW",
            "infect",
            Basic,
            Practical,
        ),
        // [MHLW-R8-G] p.38 (精神障害分野) and [MHLW-R8] p.58 (身体・知的等): head page not found, so
        // the project is inferred (`data`: [MHLW-R5] p.58 had ゲノム・データ基盤). Phases inferred
        // (技術開発…実用化を促進).
        (
            "disability",
            "障害者対策総合研究開発事業",
            "Comprehensive Research on Disability",
            "MHLW",
            "data",
            Applied,
            Practical,
        ),
        // [MHLW-R5] p.88 (医薬品 PJ, ゲノム・データ基盤 PJ; 子ども家庭局母子保健課). That bureau moved to
        // こども家庭庁 in 2023 (cfa.go.jp 科学技術部会 第1回 lists its own AMED研究事業実施方針), so the
        // ministry is `other` and the 3rd-period project (`data`, 成育 is a ライフコース area) is
        // inferred. Phases inferred (病態の解明と予防および治療のための研究開発とその実用化).
        (
            "child-health",
            "成育疾患克服等総合研究事業",
            "Research on Child and Maternal Health",
            "other",
            "data",
            Basic,
            Clinical,
        ),
        // [MHLW-R8] p.76: シーズ開発・基礎研究 PJ, 大臣官房厚生科学課 (日米医学協力計画分).
        // Phases inferred (共同研究, 若手育成).
        (
            "global-health",
            "地球規模保健課題解決推進のための研究事業",
            "Research on Global Health Issues",
            "MHLW",
            "seeds",
            Basic,
            Applied,
        ),
        // [MEXT-R7] p.19 (MEXT); [AMED-call] R8 基礎応用研究課題 (king-skyfront.ne.jp/?p=4852):
        // 再生・細胞医療・遺伝子治療プロジェクト; 基礎的,応用 (stated for that track).
        (
            "regen-accel",
            "再生・細胞医療・遺伝子治療実現加速化プログラム",
            "Regenerative, Cell and Gene Therapy Acceleration Program",
            "MEXT",
            "regen",
            Basic,
            Applied,
        ),
        // [MEXT-R8] p.18 (MEXT; R7 run as B-cure, R8 requested as 次世代医療実現バイオバンク利活用
        // プログラム). Project inferred (`data`: バイオバンク・ゲノム情報基盤); phases inferred.
        (
            "biobank",
            "ゲノム医療実現バイオバンク利活用プログラム",
            "Biobank Utilisation Program for Genomic Medicine (B-cure)",
            "MEXT",
            "data",
            Basic,
            Applied,
        ),
        // MHLW 医政局「令和8年度予算案の概要」(wic-net 22992/36, <https://www.mhlw.go.jp/wp/yosan/yosan/26syokanyosan/gaiyou.html>):
        // 臨床研究中核病院. AMED program/list/16/01/004 (2nd period, シーズ開発・研究基盤): 臨床試験,
        // 治験 (stated). 3rd-period project inferred (`trans`: [AMED-PJ] index_03_07 names
        // 臨床研究中核病院 among its aims).
        (
            "clinical-core",
            "医療技術実用化総合促進事業",
            "Clinical Research Core Hospitals Program",
            "MHLW",
            "trans",
            Clinical,
            Clinical,
        ),
    ]
};

/// Program links: preceding code, successor code, kind. The historical chains (P-DIRECT → P-CREATE →
/// P-PROMOTE, 医工連携 事業化推進 → イノベーション推進 → グローバル展開) are recorded as matching; the
/// stated hand-off intents of the 3rd period as pairing (domain.md). No official 3rd-period list
/// exists: officers add more.
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
