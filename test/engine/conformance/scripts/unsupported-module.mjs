// Runs on k6 (k6/ws exists there); the local engine must refuse it before any request.
import http from 'k6/http';
import ws from 'k6/ws';

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
  ws.connect(`${__ENV.BASE_URL.replace('http', 'ws')}/ws`, {}, () => undefined);
}
