// Uses every export with its declared types; `tsc --noEmit` checks them, Vite bundles them.
import { defineElements, mount, score, parseTargets, validate, version, type Dataset, type WidgetHandle } from "chitieu";

const dataset: Dataset = {
  schema: "chitieu/1",
  plan: { id: "p", title: "Kế hoạch mẫu" },
  as_of: "2024-06-30",
  indicators: [
    {
      id: "wifi",
      name: { vi: "Tỷ lệ nhà văn hóa có wifi", en: "Cultural houses with wifi" },
      unit: "percent",
      targets: [{ op: "gte", value: 100, deadline: "2024", text: "100% nhà văn hóa có wifi" }],
      observations: [{ period: "2023", numerator: 1014, denominator: 1240, reported: 81.8 }],
    },
  ],
};

defineElements();
const host = document.getElementById("mounted");
if (host) {
  const handle: WidgetHandle = mount(host, { widget: "gauge", data: dataset, indicator: "wifi", lang: "vi" });
  void handle;
}

async function api(): Promise<void> {
  const out = document.getElementById("api");
  const scored = await score(dataset, { asOf: "2024-06-30" });
  const targets = await parseTargets("Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh");
  const checked = await validate(dataset, { lang: "vi" });
  const wifi = scored.indicators.find((i) => i.id === "wifi");
  if (out) {
    out.textContent = [version, wifi?.status, wifi?.latest?.value.toFixed(2), targets[0]?.op, targets[0]?.level, String(checked.valid)].join("|");
  }
}
void api();
