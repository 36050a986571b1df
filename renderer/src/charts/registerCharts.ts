import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

// The chart.js parts both the dashboard and the printed report draw with. Each imports this
// module itself, so the print page does not depend on the dashboard having been opened.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, annotationPlugin);
