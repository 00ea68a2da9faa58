/**
 * The public complaint form and tracking-code lookup: one self-contained page, no login, no external
 * assets, usable on a phone. The console (React) will offer the same; this page keeps intake working
 * without it.
 */
export const PUBLIC_FORM_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>阳新县行政执法投诉举报</title>
<style>
  body { font-family: "Noto Sans SC", "Microsoft YaHei", sans-serif; max-width: 760px; margin: 0 auto; padding: 16px; color: #222; }
  h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
  label { display: block; margin-top: 12px; font-weight: bold; }
  input[type=text], input[type=tel], select, textarea { width: 100%; box-sizing: border-box; padding: 6px; font-size: 1em; }
  textarea { min-height: 120px; }
  button { margin-top: 16px; padding: 8px 24px; font-size: 1em; }
  .note { color: #666; font-size: 0.9em; }
  .result { margin-top: 16px; padding: 12px; background: #f2f7f2; white-space: pre-wrap; }
  .error { background: #fbeaea; }
</style>
</head>
<body>
<h1>阳新县行政执法投诉举报</h1>
<p class="note">对行政执法机关及其执法人员的执法行为进行投诉举报。您的身份信息单独保存，不会告知被投诉单位。</p>
<form id="complaint-form">
  <label for="respondentOrg">被投诉单位</label>
  <select id="respondentOrg" name="respondentOrg" required></select>
  <label for="category">投诉类别</label>
  <select id="category" name="category" required>
    <option value="improper-enforcement">执法不规范</option>
    <option value="inaction">不作为、慢作为</option>
    <option value="arbitrary-penalty">乱罚款、乱收费</option>
    <option value="abuse-of-power">滥用职权</option>
    <option value="attitude">态度恶劣</option>
    <option value="other">其他</option>
  </select>
  <label for="summary">事由摘要（200字以内）</label>
  <input type="text" id="summary" name="summary" maxlength="200" required>
  <label for="details">详细情况</label>
  <textarea id="details" name="details" maxlength="5000" required></textarea>
  <label><input type="checkbox" id="anonymous" name="anonymous" value="true"> 匿名投诉（匿名投诉无法接收电话回访）</label>
  <div id="identity">
    <label for="name">姓名</label>
    <input type="text" id="name" name="complainant[name]" maxlength="50">
    <label for="phone">联系电话</label>
    <input type="tel" id="phone" name="complainant[phone]">
  </div>
  <label for="attachments">证明材料（PDF、JPEG、PNG、Word，最多5个，每个不超过10MB）</label>
  <input type="file" id="attachments" name="attachments" multiple accept=".pdf,.jpg,.jpeg,.png,.docx">
  <button type="submit">提交</button>
</form>
<div id="receipt" class="result" hidden></div>

<h2>办理进度查询</h2>
<form id="lookup-form">
  <label for="code">查询码</label>
  <input type="text" id="code" name="code" placeholder="TS20261126-XXXXXX" required>
  <button type="submit">查询</button>
</form>
<div id="status" class="result" hidden></div>

<script>
const $ = (id) => document.getElementById(id);
const show = (el, text, error) => { el.hidden = false; el.textContent = text; el.classList.toggle('error', !!error); };
const message = (body) => (body && body.message ? body.message.zh + (body.fields ? '\\n' + body.fields.map((f) => f.zh).join('\\n') : '') : '提交失败，请稍后重试。');
fetch('/api/organisations').then((r) => r.json()).then((orgs) => {
  for (const o of orgs) { const opt = document.createElement('option'); opt.value = o.code; opt.textContent = o.name; $('respondentOrg').appendChild(opt); }
});
$('anonymous').addEventListener('change', (e) => { $('identity').hidden = e.target.checked; });
$('complaint-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(e.target);
  data.set('anonymous', $('anonymous').checked ? 'true' : 'false');
  if ($('anonymous').checked) { data.delete('complainant[name]'); data.delete('complainant[phone]'); }
  if (!$('attachments').files.length) data.delete('attachments');
  const res = await fetch('/api/public/complaints', { method: 'POST', body: data });
  const body = await res.json().catch(() => null);
  if (res.ok) {
    show($('receipt'), '提交成功。您的查询码：' + body.trackingCode + '\\n请妥善保存，凭查询码查询办理进度和答复。\\n受理期限：' + body.acceptanceDueAt.slice(0, 10));
    $('code').value = body.trackingCode;
  } else show($('receipt'), message(body), true);
});
$('lookup-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await fetch('/api/public/complaints/' + encodeURIComponent($('code').value.trim()));
  const body = await res.json().catch(() => null);
  if (!res.ok) return show($('status'), message(body), true);
  const lines = ['状态：' + body.statusLabel.zh + (body.overdue ? '（已逾期，已督办）' : '')];
  if (body.dueAt) lines.push('当前期限：' + body.dueAt.slice(0, 10));
  for (const h of body.history) lines.push(h.at.slice(0, 10) + '  ' + h.message.zh);
  show($('status'), lines.join('\\n'));
});
</script>
</body>
</html>
`;
