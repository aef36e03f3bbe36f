/**
 * A self-contained interactive reference (no CDN, no external script): it fetches the JSON document from the
 * same origin and renders every operation with its parameters, body and responses, with a "Try it" form that
 * calls the API with the browser's own session cookies and CSRF header.
 */
export function docsPage(nonce: string | null): string {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>PatenTrack API reference</title>
<style${n}>
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#15181c}pre,input,textarea{background:#22262b;color:#e6e6e6}}
header{padding:16px 24px;border-bottom:1px solid #8884}main{padding:8px 24px;max-width:1100px}
details{border:1px solid #8884;border-radius:6px;margin:8px 0;padding:6px 10px}summary{cursor:pointer}
.m{display:inline-block;min-width:64px;font-weight:700}.GET{color:#1a7f37}.POST{color:#0969da}.PATCH{color:#9a6700}.DELETE{color:#cf222e}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px}input,textarea{width:100%;box-sizing:border-box;font:inherit}
label{display:block;margin-top:6px}h2{margin-top:24px;text-transform:capitalize}
</style></head><body><header><h1>PatenTrack API</h1><input id="filter" placeholder="Filter by path or summary" aria-label="Filter operations"></header>
<main id="ops" aria-live="polite">Loading…</main>
<script${n}>
const esc=(s)=>String(s).replace(/[&<>"']/g,(c)=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
const csrf=()=>(document.cookie.match(/(?:^|; )csrf_token=([^;]*)/)||[])[1]||'';
function render(doc){const groups={};for(const [path,item] of Object.entries(doc.paths)){for(const [method,op] of Object.entries(item)){(groups[op.tags?.[0]||'api']??=[]).push({path,method:method.toUpperCase(),op});}}
const q=document.getElementById('filter').value.toLowerCase();let html='';
for(const [tag,ops] of Object.entries(groups).sort()){const shown=ops.filter(o=>!q||o.path.toLowerCase().includes(q)||(o.op.summary||'').toLowerCase().includes(q));if(!shown.length)continue;
html+='<h2>'+esc(tag)+'</h2>';for(const o of shown){const params=(o.op.parameters||[]);const body=o.op.requestBody?.content?.['application/json']?.schema;
html+='<details><summary><span class="m '+o.method+'">'+o.method+'</span> <code>'+esc(o.path)+'</code> — '+esc(o.op.summary||'')+'</summary>'
+'<form data-method="'+o.method+'" data-path="'+esc(o.path)+'">'+params.map(p=>'<label>'+esc(p.in)+' <b>'+esc(p.name)+'</b>'+(p.required?' *':'')+'<input name="'+esc(p.in+':'+p.name)+'"></label>').join('')
+(body?'<label>JSON body<textarea name="body" rows="5">'+esc(JSON.stringify(example(body,doc),null,2))+'</textarea></label>':'')
+'<p><button>Try it</button></p><pre hidden></pre></form><p>Responses</p><pre>'+esc(JSON.stringify(o.op.responses,null,1).slice(0,4000))+'</pre></details>';}}
document.getElementById('ops').innerHTML=html||'No operations match.';}
function example(schema,doc,depth=0){if(!schema||depth>4)return null;if(schema.$ref)return example(doc.components.schemas[schema.$ref.split('/').pop()],doc,depth+1);
if(schema.type==='object'){const o={};for(const [k,v] of Object.entries(schema.properties||{}))if((schema.required||[]).includes(k))o[k]=example(v,doc,depth+1);return o;}
if(schema.type==='array')return [];if(schema.enum)return schema.enum[0];if(schema.type==='boolean')return false;if(schema.type==='integer'||schema.type==='number')return 0;return '';}
document.addEventListener('submit',async(e)=>{e.preventDefault();const f=e.target;let path=f.dataset.path;const qs=new URLSearchParams();let body;
for(const el of f.elements){if(!el.name||!el.value)continue;if(el.name==='body'){body=el.value;continue;}const [where,name]=el.name.split(':');
if(where==='path')path=path.replace('{'+name+'}',encodeURIComponent(el.value));else if(where==='query')qs.set(name,el.value);}
const out=f.querySelector('pre');out.hidden=false;out.textContent='…';
const res=await fetch(path+(qs.size?'?'+qs:''),{method:f.dataset.method,credentials:'same-origin',headers:{'content-type':'application/json','x-csrf-token':csrf()},body:f.dataset.method==='GET'?undefined:body});
const text=await res.text();let shown=text;try{shown=JSON.stringify(JSON.parse(text),null,2);}catch{}out.textContent=res.status+' '+res.statusText+'\\n'+shown;});
fetch('/api/v1/docs',{credentials:'same-origin'}).then(r=>r.ok?r.json():Promise.reject(r.status)).then(doc=>{window.__doc=doc;render(doc);document.getElementById('filter').addEventListener('input',()=>render(doc));})
.catch(s=>{document.getElementById('ops').textContent='Could not load the API document ('+s+'). Sign in first.';});
</script></body></html>`;
}
