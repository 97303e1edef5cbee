// The smallest Chart.js that draws a doughnut gauge: the doughnut controller and arcs.
import { Chart, DoughnutController, ArcElement } from "chart.js";
Chart.register(DoughnutController, ArcElement);
window.Chart = Chart;
