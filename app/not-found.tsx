/** Outside any locale (the proxy routes nearly everything into one): a bare page. */
export default function RootNotFound() {
  return (
    <html lang="kk">
      <body>
        <p>404 — Бет табылмады / Страница не найдена</p>
      </body>
    </html>
  );
}
