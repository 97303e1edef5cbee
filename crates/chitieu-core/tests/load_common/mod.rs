//! Shared fixtures for the `load_*` tests.
#![allow(dead_code)]

/// A dataset that uses every feature of `chitieu/1`: all ops, `change`, all levels and
/// period forms, several deadlines, ratios with a printed figure, baselines, sources,
/// English names, owners, keys, notes and `as_of`.
pub const RICH_JSON: &str = r#"{
  "schema": "chitieu/1",
  "plan": {
    "id": "qna-cds-2024",
    "title": "Kế hoạch Chuyển đổi số tỉnh Quảng Nam năm 2024",
    "region": "Quảng Nam",
    "issuer": "UBND tỉnh Quảng Nam",
    "document": "Kế hoạch số 1234/KH-UBND",
    "date": "2024-02-20",
    "url": "https://example.invalid/ke-hoach-1234"
  },
  "as_of": "2024-11-23",
  "pillars": [
    { "id": "cqs", "name": { "vi": "Chính quyền số", "en": "Digital government" }, "weight": 2 },
    { "id": "kts", "name": "Kinh tế số", "weight": 1.5 },
    { "id": "xhs", "name": { "vi": "Xã hội số", "en": "Digital society" } }
  ],
  "indicators": [
    {
      "id": "cqs-01",
      "key": "dvc-toan-trinh",
      "pillar": "cqs",
      "name": { "vi": "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "en": "Share of applications handled fully online" },
      "unit": "percent",
      "level": "province",
      "owner": "Sở Thông tin và Truyền thông",
      "targets": [
        { "text": "Tối thiểu 80% trong năm 2024", "op": "gte", "value": 80, "deadline": "2024" },
        { "text": "Đạt 100% vào năm 2025", "op": "eq", "value": 100, "deadline": "2025" }
      ],
      "baseline": { "period": "2023", "value": 65.2 },
      "observations": [
        { "period": "2024-Q2", "value": 71.4 },
        { "period": "2024-Q3", "numerator": 1237, "denominator": 1289, "reported": 95.9, "note": "Cổng Dịch vụ công tỉnh" }
      ],
      "source": { "document": "Kế hoạch số 1234/KH-UBND", "section": "Mục II.1", "page": 4 },
      "note": "Tính trên tổng số hồ sơ tiếp nhận."
    },
    {
      "id": "kts-01",
      "key": "kinh-te-so-grdp",
      "pillar": "kts",
      "name": { "vi": "Tỷ trọng kinh tế số trong GRDP", "en": "Digital economy share of GRDP" },
      "unit": "percent",
      "level": "province",
      "targets": [
        { "text": "Kinh tế số chiếm 15-20% GRDP", "op": "range", "min": 15, "max": 20, "deadline": "2025" },
        { "text": "khoảng 10% năm 2024", "op": "approx", "value": 10, "tolerance": 0.1, "deadline": "2024-Q4" }
      ],
      "observations": [ { "period": "2024-11", "value": 9.7, "reported": 9.7 } ]
    },
    {
      "id": "kts-02",
      "pillar": "kts",
      "name": "Doanh thu thương mại điện tử",
      "unit": "vnd",
      "targets": [
        { "text": "tăng tối thiểu 7%/năm", "op": "gte", "value": 7, "change": "increase", "deadline": "2025" },
        { "op": "approx", "value": 1500000000000, "deadline": "2024" }
      ],
      "observations": [ { "period": "2024-11-23", "value": 1428322000000 } ]
    },
    {
      "id": "cqs-02",
      "pillar": "cqs",
      "name": "Thời gian xử lý hồ sơ trễ hạn",
      "unit": "percent",
      "level": "district",
      "targets": [
        { "text": "giảm 30% so với năm 2023", "op": "gte", "value": 30, "change": "decrease", "deadline": "2025" },
        { "text": "dưới 5% hồ sơ trễ hạn", "op": "lt", "value": 5, "deadline": "2024" },
        { "op": "lte", "value": 3, "deadline": "2025" }
      ],
      "baseline": { "period": "2023-Q4", "value": 8.5 }
    },
    {
      "id": "xhs-01",
      "pillar": "xhs",
      "name": { "vi": "Số thôn có cáp quang", "en": "Villages with fibre" },
      "unit": "count",
      "level": "commune",
      "owner": "Viettel Quảng Nam",
      "targets": [ { "op": "gt", "value": 1200, "deadline": "2025-06" } ],
      "observations": [
        { "period": "2023", "value": 1102 },
        { "period": "2024-06-30", "value": 1170, "note": "báo cáo 6 tháng" }
      ]
    },
    {
      "id": "xhs-02",
      "pillar": "xhs",
      "name": "Tốc độ băng rộng di động",
      "unit": "Mb/s",
      "targets": [ { "op": "gte", "value": 40.5, "deadline": 2025 } ],
      "observations": [ { "period": "2024-Q3", "value": 38.25 } ]
    }
  ]
}
"#;
