# بات‌های پات‌لاک، فارسی. همان شناسه‌های en.ftl؛ نام فرمان‌ها (/rewards) و POT ترجمه نمی‌شوند.

## Languages and /language
language-name-en = انگلیسی (English)
language-name-fa = فارسی
language-set = از این پس به { $language } پاسخ می‌دهم.
language-auto = دوباره از زبان برنامه‌تان پیروی می‌کنم (اکنون { $language }).
language-usage = یک زبان انتخاب کنید: ‎/language fa‎، ‎/language en‎ یا ‎/language auto‎ برای پیروی از زبان برنامه‌تان.
cmd-language-description = زبانی که بات با آن به شما پاسخ می‌دهد
cmd-language-option = زبان
language-choice-auto = خودکار (مانند برنامه‌ام)

## Errors
error-title-bad-input = درست به نظر نمی‌رسید
error-title-not-found = پیدا نشد
error-title-forbidden = اجازه ندارید
error-title-insufficient-funds = موجودی کافی نیست
error-title-expired = منقضی شده
error-title-conflict = ناسازگاری
error-title-duplicate = از قبل وجود دارد
error-title-other = انجام نشد
error-internal = مشکلی در سمت ما پیش آمد.
error-internal-retry = ثبت شد؛ لطفاً یک دقیقهٔ دیگر دوباره امتحان کنید.
error-internal-short = مشکلی در سمت ما پیش آمد؛ دوباره امتحان کنید.
error-internal-ref = مشکلی در سمت ما پیش آمد (کد پیگیری { $ref }). دوباره امتحان کنید؛ اگر تکرار شد، این کد را به یک مدیر بدهید.
error-command-gone = این فرمان دیگر وجود ندارد. یک مدیر می‌تواند فهرست را با ‎`potluck discord register`‎ تازه کند.
tg-next-bad-input = آنچه نوشتید را بررسی کنید: ‎/help‎ همهٔ فرمان‌ها را با نمونه نشان می‌دهد.
tg-next-not-found = نام یا شماره را بررسی کنید: ‎/datanets‎ فهرست دیتانت‌ها را نشان می‌دهد.
tg-next-insufficient-funds = موجودی‌تان در ‎/rewards‎ است.
tg-next-quota-exceeded = سهمیهٔ روزانه فردا (به وقت UTC) از نو شروع می‌شود.
tg-next-too-large = چیز کوچک‌تری بفرستید یا آن را چند بخش کنید.
tg-next-rate-limited = کمی صبر کنید و دوباره امتحان کنید.
tg-next-unavailable = سرویس شلوغ است یا در حال راه‌اندازی دوباره: یک دقیقهٔ دیگر امتحان کنید.
tg-next-chain-error = زنجیره فعلاً آن را نپذیرفت: چند دقیقهٔ دیگر امتحان کنید.
tg-next-unauthenticated = اول حساب‌هایتان را پیوند دهید: ‎/link‎ روشش را می‌گوید.
dc-hint-bad-input = گزینه‌ها را بررسی کنید و فرمان را دوباره بفرستید.
dc-hint-insufficient-funds = موجودی‌تان در ‎/rewards‎ است؛ وقتی کافی شد فرمان را دوباره اجرا کنید.
dc-hint-unauthenticated = فرمان را دوباره اجرا کنید؛ اگر باز هم نشد، از یک مدیر بپرسید.
dc-hint-rate-limited = کمی صبر کنید و دوباره امتحان کنید.
dc-hint-unavailable = یک دقیقهٔ دیگر امتحان کنید؛ اگر تکرار شد، به یک مدیر بگویید.
dc-hint-chain-error = هزینه‌ای کسر نشد؛ یک دقیقهٔ دیگر امتحان کنید.
dc-hint-datanet = ‎/datanet list‎ دیتانت‌ها را نشان می‌دهد.
dc-hint-contribution = ‎/review‎ آنچه منتظر شماست را نشان می‌دهد.
dc-hint-model = ‎/model list‎ مدل‌های منتشرشده را نشان می‌دهد.
dc-hint-run = ‎/run status‎ آموزش‌های شما را نشان می‌دهد.
tg-private-only = این موضوع شخصی است، پس فقط در گفتگوی خصوصی جواب می‌دهم: ‎@{ $bot }‎ را باز کنید و همان‌جا بفرستید.

## Telegram /start, /help and the command menu
tg-welcome-title = به پات‌لاک خوش آمدید
tg-welcome-body = ؛ جایی که مردم با هم هوش مصنوعی می‌سازند و به هر کس که کمک کرده پول می‌رسد.
tg-welcome-what = اینجا می‌توانید درآمدتان را دنبال کنید، از درآمد تازه باخبر شوید، داده اضافه کنید و حساب دیسکوردتان را پیوند دهید.
tg-help-title = کارهایی که از من برمی‌آید
tg-not-understood = متوجه نشدم. ‎/help‎ کارهایی را که می‌توانم بکنم فهرست می‌کند.
tg-button-stale = این دکمه قدیمی است. فرمان را دوباره بفرستید.
menu-rewards = موجودی و درآمد شما
menu-history = پرداخت‌های شما، صفحه به صفحه
menu-claim = برداشت پاداش‌ها به کیف پول
menu-wallet = پیوند کیف پول (ورود با اتریوم)
menu-wallet-usage = ‎/wallet‎ برای صفحهٔ یک‌بارمصرف کیف پول، یا ‎/wallet 0xADDRESS‎ و سپس ‎/wallet 0xSIGNATURE‎ (‎/wallet unlink‎ آن را برمی‌دارد)
menu-models = مدل‌هایی که می‌توانید از آن‌ها بپرسید
menu-ask = پرسیدن از یک مدل (پولی، با رسید)
menu-ask-usage = ‎/ask MODEL‎ و سپس پرسش شما
menu-notify = وقتی درآمد داشتم خبرم کن (روشن/خاموش)
menu-notify-usage = ‎/notify on‎ یا ‎/notify off‎
menu-datanets = دیتانت‌هایی که می‌توانید به آن‌ها داده بدهید
menu-contribute = افزودن متن به یک دیتانت
menu-contribute-usage = ‎/contribute‎ و نام دیتانت (سپس متن‌تان در خط‌های بعد، یا یک فایل ‎.txt/.md/.jsonl‎ با نام دیتانت در زیرنویس)
menu-link = پیوند حساب دیسکورد
menu-link-usage = ‎/link CODE‎ (یا فقط ‎/link‎ برای گرفتن کدی برای دیسکورد)
menu-language = انتخاب زبان من (انگلیسی، فارسی)
menu-language-usage = ‎/language fa‎ یا ‎/language en‎ یا ‎/language auto‎
menu-help = کارهایی که از من برمی‌آید

## Telegram: command menus per chat type, create datanets, train and publish (issue 18)
menu-newdatanet = ساختن یک دیتانت (اگر نقش‌هایتان اجازه دهد)
menu-newdatanet-usage = /newdatanet Persian Poetry  (توضیح در خط‌های بعد)
menu-train = آموزش یک مدل روی داده‌های تأییدشدهٔ یک دیتانت
menu-train-usage = /train Persian Poetry
menu-publish = انتشار اجرای آموزشِ تمام‌شده‌تان به‌عنوان مدل پولی
menu-publish-usage = /publish RUN PRICE SPLIT NAME، مثل /publish 12 0.5 40/40/10/10 Verse Weaver  (سهم‌ها به درصد: توسعه‌دهنده/داده/اعتبارسنج‌ها/پروتکل)
tg-open-private = 💬 گفتگوی خصوصی با من را باز کنید
tg-group-personal = فرمان‌های شخصی (موجودی، تاریخچه، کیف پول، اعلان‌ها) در گفتگوی خصوصی با من جواب می‌گیرند.
tg-datanet-created = دیتانت { $name } (#{ $id }) ساخته شد. با /contribute داده بیفزایید؛ اعتبارسنج‌ها برای بررسی روی آن سهام می‌گذارند.
tg-run-status = { $status ->
    [queued] در صف
    [running] در حال آموزش
    [succeeded] تمام شد
    [failed] ناموفق
   *[cancelled] لغو شد
}
tg-run-line = اجرای آموزش #{ $id } روی { $datanet }: { $status } ({ $percent })، { $count } مشارکت تأییدشده در عکس‌فوری آن.
tg-run-replayed = پیش‌تر شروع شده بود: همین اجراست.
tg-run-publish-next = منتشرش کنید: /publish { $id } PRICE SPLIT NAME
tg-run-failed = چرا: { $error }
tg-run-refresh = 🔄 تازه‌سازی
tg-split-invalid = split: چهار درصد بدهید، توسعه‌دهنده/داده/اعتبارسنج‌ها/پروتکل، مثل 40/40/10/10.
tg-model-published = { $name } (#{ $id }) منتشر شد: { $price } برای هر فراخوانی. همه می‌توانند با /ask از آن بپرسند.
tg-model-replayed = پیش‌تر منتشر شده بود: کاری دوبار انجام نشد.

## Rewards and balance
rewards-title = پاداش‌های شما
rewards-available = موجودی آزاد: { $amount }
rewards-staked = سپرده به‌عنوان اعتبارسنج: { $amount }
rewards-deposits = ودیعهٔ مشارکت‌های در انتظار: { $amount }
rewards-earned-total = کل درآمد: { $amount }
rewards-by-source = به تفکیک دیتانت و مدل
rewards-claims = برداشت‌ها
rewards-last-payouts = آخرین پرداخت‌ها
rewards-no-payouts = هنوز پرداختی نیست. با ‎/contribute‎ داده اضافه کنید یا یک دیتانت را اعتبارسنجی کنید تا از اینجا شروع شود.
rewards-no-wallet = کیف پولی پیوند نشده: ‎/wallet‎ یکی را پیوند می‌دهد تا درآمدتان روی زنجیره قابل برداشت باشد.
rewards-wallet = کیف پول { $wallet }
rewards-claimable = قابل برداشت اکنون: { $claimable } · برداشت‌شده تاکنون: { $claimed }
rewards-waiting = در انتظار دورهٔ بعد: { $amount }
rewards-button-details = 📊 جزئیات
rewards-button-history = 📜 تاریخچه
rewards-button-claim = 💸 برداشت { $amount }
rewards-button-refresh = 🔄 تازه‌سازی
source-model-on = مدل { $model } روی { $datanet }
source-model = مدل { $model }
source-other = سایر
history-title = پرداخت‌های شما
history-page = صفحهٔ { $page } از { $pages }
history-newer = ➡️ جدیدتر
history-older = قدیمی‌تر ⬅️
history-latest = 🔄 آخرین
history-rewards = 💰 پاداش‌ها
history-empty = هنوز چیزی نیست. پرداخت‌ها به محض کسب درآمد اینجا می‌آیند.
role-contributor = به‌عنوان مشارکت‌کننده
role-validator = به‌عنوان اعتبارسنج
role-developer = به‌عنوان توسعه‌دهنده
dc-rewards-description = موجودی، درآمد به تفکیک نقش و آنچه می‌توانید برداشت کنید
dc-rewards-available = موجودی آزاد
dc-rewards-staked = سپرده
dc-rewards-deposits = در ودیعه
dc-rewards-as-contributor = 📝 به‌عنوان مشارکت‌کننده
dc-rewards-as-validator = 🛡️ به‌عنوان اعتبارسنج
dc-rewards-as-developer = 🧪 به‌عنوان توسعه‌دهنده
dc-rewards-claimable = قابل برداشت روی زنجیره
dc-rewards-waiting = در انتظار دورهٔ بعد
dc-rewards-claimed = برداشت‌شده
dc-rewards-wallet = کیف پول { $wallet } · برداشت با ‎/claim‎
dc-rewards-no-wallet = برای دریافت درآمد روی زنجیره، با ‎/wallet link‎ یک کیف پول پیوند دهید

## Contributing (Telegram) and linking
contribute-usage = ‎/contribute‎ را با نام دیتانت بفرستید و متن‌تان را در خط‌های بعد بنویسید. یا یک فایل ‎.txt‎، ‎.md‎ یا ‎.jsonl‎ با نام دیتانت در زیرنویس بفرستید.
contribute-which-datanet = این فایل برای کدام دیتانت است؟
contribute-too-large = این فایل از حد مجاز { $kb } کیلوبایت بزرگ‌تر است.
contribute-file-unavailable = تلگرام فایل را تحویل نداد. دوباره بفرستید.
contribute-near = #{ $id } شبیه #{ $other } است ({ $percent } شباهت): اعتبارسنج‌ها آن را می‌بینند
contribute-refused-item = مورد { $index }: { $message }
contribute-accepted = { $count } مورد پذیرفته شد: { $ids }، اکنون در انتظار اعتبارسنج‌ها.
contribute-deposit = ودیعهٔ نگه‌داشته: { $amount } (پس از تأیید به شما برمی‌گردد).
contribute-none = چیزی پذیرفته نشد.
contribute-refused = { $count } مورد رد شد
datanets-title = دیتانت‌ها
datanets-line = { $approved } تأییدشده، { $pending } در انتظار؛ ودیعه { $deposit }
datanets-none = هنوز دیتانتی نیست. دیتانت‌ها در دیسکورد یا از راه MCP ساخته می‌شوند.
link-already = ✅ این حساب تلگرام از قبل به آن حساب پیوند خورده بود. چیزی تغییر نکرد.
link-done-title = پیوند خورد.
link-done-body = تلگرام و دیسکورد اکنون یک حساب مشترک دارند: همان موجودی، پاداش‌ها و تاریخچه.
link-see = آن‌ها را با ‎/rewards‎ ببینید.
link-code = 🔗 کد پیوند شما: { $code }
link-code-how = در دیسکورد، ‎/link‎ را با این کد اجرا کنید تا آن حساب به این یکی بپیوندد.
link-code-expires = فقط یک بار کار می‌کند و در { $when } منقضی می‌شود.
link-code-other = به‌جایش کدی از دیسکورد دارید؟ ‎/link‎ را با آن کد بفرستید.

## Models, claims and notifications (Telegram)
models-title = مدل‌ها
models-line = { $price } برای هر پرسش، تاکنون { $calls } پرسش
models-none = هنوز مدلی منتشر نشده. وقتی توسعه‌دهنده‌ای مدلی منتشر کند، اینجا دیده می‌شود.
ask-usage = ‎/ask‎ را با نام مدل و پرسش‌تان بفرستید، مانند: ‎/ask Verse Weaver‎ رود در شب
tg-full-receipt-button = 🧾 رسید کامل
claim-nothing-waiting = هنوز چیزی برای برداشت نیست. { $amount } درآمد شما با تسویهٔ دورهٔ بعد قابل برداشت می‌شود.
claim-nothing = هنوز چیزی برای برداشت نیست: همهٔ درآمدتان را برداشته‌اید. ‎/rewards‎ جزئیات را نشان می‌دهد.
claim-done = برداشت { $amount } انجام شد
claim-done-to = به { $wallet }.
claim-tx = تراکنش: { $tx }
notify-word-on = روشن
notify-word-off = خاموش
notify-status-on = 🔔 اعلان‌ها { $state } است: حداکثر یک پیام { $every }، با جمع درآمدتان. ‎/notify off‎ آن‌ها را قطع می‌کند.
notify-status-off = 🔕 اعلان‌ها { $state } است. ‎/notify on‎ از درآمدتان خبرتان می‌کند (حداکثر یک بار { $every }، با جمع).
notify-usage = از ‎/notify on‎ یا ‎/notify off‎ استفاده کنید.
notify-now-on = 🔔 اعلان‌ها روشن شد.
notify-now-on-detail = وقتی درآمد داشته باشید، حداکثر یک پیام { $every } با جمع آن می‌فرستم.
notify-now-off = 🔕 اعلان‌ها خاموش شد.
notify-now-off-detail = با ‎/notify on‎ دوباره روشن‌شان کنید.
every-hours = { $n ->
    [one] هر ساعت
   *[other] هر { $n } ساعت
    }
every-minutes = { $n ->
    [one] هر دقیقه
   *[other] هر { $n } دقیقه
    }
every-seconds = هر { $n } ثانیه

## Discord /link, /claim, /faucet
dc-link-description = پیوند هویت تلگرام شما به این حساب (یک موجودی، یک تاریخچه)
dc-link-option = کدی از بات تلگرام؛ خالی بگذارید تا کدی برای تلگرام بگیرید
dc-link-already = این حساب دیسکورد از قبل به آنجا پیوند خورده بود.
dc-link-done = 🔗 پیوند خورد: دیسکورد و تلگرام اکنون یک حساب مشترک دارند.
dc-link-code = 🔗 کد پیوند یک‌بارمصرف شما: { $code }
dc-link-code-how = { $command } را به بات تلگرام پات‌لاک بفرستید. { $when } منقضی می‌شود و فقط یک بار کار می‌کند.
dc-link-code-keep = آن را به کسی ندهید: هر کس آن را به کار ببرد به حساب شما می‌پیوندد.
dc-claim-description = برداشت پاداش‌های تسویه‌شده به کیف پول پیوندشده
dc-claim-done = ✅ { $amount } به { $wallet } برداشت شد (دورهٔ { $epoch }، تاکنون روی هم { $total }).
dc-claim-tx = تراکنش { $tx }
dc-claim-nothing = هنوز چیزی برای برداشت نیست: درآمدها پس از تسویهٔ دورهٔ بعد قابل برداشت می‌شوند.
dc-faucet-description = دریافت POT آزمایشی (فقط سرورهای آزمایشی)
dc-faucet-done = 🚰 { $amount } به موجودی‌تان اضافه شد. آن را با { $command } ببینید.

## Earnings notifications (Telegram)
notify-earned = 🔔 { $amount } درآمد داشتید ({ $payouts })
notify-payouts = { $count } پرداخت
notify-footer = موجودی‌تان در ‎/rewards‎ است. با ‎/notify off‎ این پیام‌ها قطع می‌شوند.

## Discord /contribute receipt
dc-sub-one = ✅ مشارکت #{ $id } در { $datanet } در انتظار بررسی است.
dc-sub-checks = بررسی‌های خودکار: امتیاز { $score } از ۱۰۰ · زبان { $language }
dc-sub-many = ✅ { $count } مشارکت در { $datanet } در انتظار بررسی است (#{ $first } تا #{ $last }).
dc-sub-flagged = ⚠️ { $count } مورد از آن‌ها یادداشت بررسی دارد که اعتبارسنج‌ها می‌بینند.
dc-sub-near = 🔁 #{ $id } شبیه #{ $other } است ({ $percent } شباهت)؛ اعتبارسنج‌ها آن‌ها را مقایسه می‌کنند.
dc-sub-deposit = ودیعهٔ قفل‌شده: { $amount } (در صورت تأیید برمی‌گردد).
dc-sub-review-channel = اعتبارسنج‌ها در کانال بررسی به آن رأی می‌دهند.
dc-sub-review-command = اعتبارسنج‌ها آن را با ‎/review‎ پیدا می‌کنند.
dc-sub-refused-some = ❌ { $count } مورد رد شد:
dc-sub-refused-all = ❌ چیزی پذیرفته نشد:
dc-sub-item = مورد { $index }: { $message }
dc-sub-more = …و { $count } مورد دیگر.

## Discord /datanet
dc-dn-languages = زبان‌ها
dc-dn-any = هر زبانی
dc-dn-deposit = ودیعهٔ هر مورد
dc-dn-stake = سپردهٔ اعتبارسنج
dc-dn-stake-value = دست‌کم { $amount }
dc-dn-decision = تصمیم
dc-dn-decision-value = { $votes } رأی، { $share } از سپرده
dc-dn-reward = پاداش اعتبارسنجی
dc-dn-reward-value = { $amount } برای هر تصمیم
dc-dn-pool = صندوق پاداش
dc-dn-quota = سهمیهٔ روزانه
dc-dn-quota-value = { $items } مورد، { $bytes } برای هر نفر
dc-dn-contributions = مشارکت‌ها
dc-dn-contributions-value = { $approved } تأییدشده · { $pending } در انتظار · { $rejected } ردشده · { $contributors } مشارکت‌کننده
dc-dn-channel = کانال بررسی
dc-dn-channel-none = هنوز ندارد (از ‎/review‎ استفاده کنید)
dc-dn-footer = دیتانت #{ $id }
dc-dn-list-title = دیتانت‌ها
dc-dn-list-line = { $approved } تأییدشده، { $pending } در انتظار، { $contributors } مشارکت‌کننده
dc-dn-list-none = هنوز دیتانتی نیست. با ‎`/datanet create`‎ یکی بسازید.
dc-dn-funded = ✅ { $amount } به صندوق پاداش { $datanet } اضافه شد.

## Discord /wallet, /apikey
dc-wallet-unlinked = پیوند { $address } برداشته شد.
dc-wallet-none = کیف پولی پیوند نداشتید.
dc-wallet-sign = ✍️ این پیام را با { $address } امضا کنید (personal_sign، مثلاً «امضای پیام» در کیف پول‌تان)، سپس { $button } را بزنید. { $when } منقضی می‌شود.
dc-wallet-submit = ارسال امضا
dc-wallet-modal-title = پیوند کیف پول
dc-wallet-modal-message = پیامی که امضا کردید (دست نزنید)
dc-wallet-modal-signature = امضا (0x…)
dc-wallet-gone = آن پیام ورود دیگر وجود ندارد. با ‎/wallet link‎ از نو شروع کنید.
dc-wallet-same = { $address } از قبل کیف پول شما بود.
dc-wallet-linked = 🔗 کیف پول { $address } پیوند خورد. پاداش‌ها در هر دوره به آن تسویه می‌شوند؛ با ‎/claim‎ برداشت کنید.
dc-wallet-replaced = 🔗 کیف پول { $address } به‌جای { $previous } پیوند خورد. پاداش‌ها در هر دوره به آن تسویه می‌شوند؛ با ‎/claim‎ برداشت کنید.
dc-wallet-page = 🔗 صفحهٔ یک‌بارمصرف کیف پول را باز کنید تا کیف پول بدون کپی کردن چیزی پیوند بخورد: { $url } (تا { $when } معتبر است). این پیام پس از پیوند به‌روز می‌شود.
dc-wallet-page-expired = پیوند صفحهٔ کیف پول منقضی شد. برای پیوندی تازه دوباره ‎/wallet link‎ را اجرا کنید.
dc-claim-page = 💸 { $amount } برای { $wallet } قابل برداشت است. از کیف پول خود در این صفحهٔ یک‌بارمصرف برداشت کنید: { $url } (تا { $when } معتبر است).
dc-apikey-created = 🔑 کلید API شما (فقط همین یک بار نشان داده می‌شود؛ همین حالا نگهش دارید):
dc-apikey-how = آن را به‌عنوان توکن bearer ({ $header }) یا به‌عنوان { $variable } برای { $command } به کلاینت MCP خود بدهید.
dc-apikey-warning = هر کس آن را داشته باشد می‌تواند موجودی شما را خرج کند. شناسهٔ کلید: { $id }.

## Telegram /wallet
tg-wallet-linked-now = کیف پول پیوندشدهٔ شما: { $wallet }
tg-wallet-none = هنوز کیف پولی پیوند نشده.
tg-wallet-about = پاداش‌ها روی زنجیره به کیف پول پیوندشده برداشت می‌شوند.
tg-wallet-how = برای پیوند، ‎/wallet‎ را با نشانی کیف پول (0x…) بفرستید. پیامی برای امضا در کیف پول می‌فرستم؛ امضا را به همان شکل برگردانید. ‎/wallet unlink‎ پیوند را برمی‌دارد.
tg-wallet-unlinked = پیوند { $address } برداشته شد. پاداش‌هایی که پیش‌تر به آن تعهد شده هنوز با آن قابل برداشت است.
tg-wallet-was-none = کیف پولی پیوند نبود.
tg-wallet-sign-title = این پیام را امضا کنید
tg-wallet-sign = با کیف پول { $address } (در برنامهٔ کیف پول: «امضای پیام»)، دقیقاً همان‌طور که هست:
tg-wallet-then = سپس ‎/wallet‎ را با امضا (0x…) بفرستید. تا { $when } معتبر است.
tg-wallet-no-pending = هیچ پیوند کیف پولی منتظر امضا نیست. با ‎/wallet‎ و نشانی کیف پول شروع کنید.
tg-wallet-same = ✅ { $address } از قبل کیف پول شما بود. چیزی تغییر نکرد.
tg-wallet-done-title = کیف پول پیوند خورد:
tg-wallet-replaces = (به‌جای { $previous })
tg-wallet-done = درآمد شما در هر دوره به آن تعهد می‌شود؛ ‎/claim‎ آن را پرداخت می‌کند.
tg-wallet-bad = این نه نشانی کیف پول است (0x و ۴۰ رقم هگز) و نه امضا. ‎/wallet‎ مراحل را توضیح می‌دهد.
tg-wallet-page = ساده‌ترین راه: این پیوند یک‌بارمصرف را در مرورگری که کیف پولتان در آن است باز کنید. کیف پول بدون کپی کردن چیزی پیوند می‌خورد و من همین‌جا تأیید می‌کنم. تا { $when } معتبر است:
tg-wallet-page-linked = ✅ کیف پول { $address } از صفحهٔ کیف پول پیوند خورد. درآمد شما در هر دوره به آن تعهد می‌شود؛ ‎/claim‎ آن را پرداخت می‌کند.
claim-page = برای برداشت { $amount } این پیوند یک‌بارمصرف را در مرورگری که کیف پولتان در آن است باز کنید؛ برداشت از همان‌جا فرستاده می‌شود (کارمزد گس با شماست). تا { $when } معتبر است:

## Discord /model
dc-model-price = قیمت
dc-model-price-value = { $amount } برای هر پرسش
dc-model-datanet = دیتانت
dc-model-trained = آموزش‌دیده با
dc-model-trained-run = اجرای #{ $run }
dc-model-trained-on = اجرای #{ $run } روی { $base }
dc-model-split = تقسیم
dc-model-usage = استفاده
dc-model-usage-value = { $calls } پرسش پولی، { $fees } کارمزد (سهم مشارکت‌کنندگان داده { $data }، اعتبارسنج‌ها { $validators })
dc-model-artifact = فایل مدل
dc-model-snapshot = نسخهٔ داده
dc-model-footer = مدل #{ $id } · با ‎/ask‎ از آن بپرسید
dc-model-list-title = مدل‌ها
dc-model-list-line = { $price } برای هر پرسش · { $calls } پرسش
dc-model-list-none = هنوز مدلی نیست. با ‎`/train`‎ یکی آموزش دهید، سپس ‎`/model publish`‎.

## /ask answers and receipts
receipt-parts = توسعه‌دهنده { $developer } · داده { $data } · اعتبارسنج‌ها { $validators } · پروتکل { $protocol }
receipt-summary = 🧾 رسید #{ $id } · کارمزد { $fee }
receipt-paid = پرداخت: { $parts }
receipt-no-credit = هیچ بخشی آن‌قدر بلند نبود که به حساب کسی نوشته شود: سهم داده و اعتبارسنج‌ها به نسبت اندازه به کل نسخهٔ داده رسید.
receipt-sampled = چیزی دقیقاً تطبیق نداشت؛ به مشارکت‌هایی که از آن‌ها نمونه گرفت پرداخت شد: { $list }
receipt-drew-on = برگرفته از: { $list }
receipt-more = و { $count } مورد دیگر
receipt-neural-title = انتساب عصبی
receipt-neural = آداپتر LoRA { $adapter } روی مدل پایهٔ { $base }
receipt-neural-computed = سهم داده به نسبت بخش‌های منطبق { $spans } + اثر گرادیانی { $influence } تقسیم شد
receipt-neural-pending = اثر گرادیانی به‌موقع آماده نشد: سهم داده و اعتبارسنج‌ها در امانت می‌ماند و پس از آماده شدن آن پرداخت می‌شود
receipt-neural-none = فقط بخش‌های منطبق (این آداپتر ویژگی گرادیانی ندارد)
receipt-neural-top = بیشترین اثر: { $list }
answer-question = پرسش:
answer-fee = 🧾 کارمزد
answer-top = مشارکت‌کنندگان اصلی
answer-top-evidence = (چیزی دقیقاً تطبیق نداشت: شعرهایی که از آن‌ها نمونه گرفت)
answer-top-snapshot = (کل نسخهٔ داده: چیزی دقیقاً تطبیق نداشت)
answer-no-span = هیچ بخشی آن‌قدر بلند نبود که به حساب کسی نوشته شود
answer-footer = رسید #{ $id } · { $hash }…
answer-already-paid = قبلاً پرداخت شده
answer-receipt-page = 🧾 رسید #{ $id }: صفحهٔ عمومی با اثبات روی زنجیره
answer-no-context = (بی‌پاسخ: چیزی در این دیتانت این متن را ادامه نمی‌دهد؛ واژه‌هایی از مشارکت‌های آن را امتحان کنید)
answer-end-of-document = (بی‌پاسخ: متن شما همان‌جایی تمام می‌شود که متن مطابقش)
answer-empty = (پاسخ خالی)
tg-answer-no-context = (بی‌پاسخ: چیزی در این دیتانت این متن را ادامه نمی‌دهد)
tg-answer-empty = (پاسخ خالی)
tg-answer-replayed = قبلاً پاسخ داده شده: دوباره هزینه‌ای کسر نشد.

## Leaderboards (/leaderboard)
dc-leaderboard-description = برترین مشارکت‌کنندگان یا اعتبارسنج‌های یک دیتانت
dc-leaderboard-board = کدام جدول
dc-leaderboard-public = در کانال برای همه بفرست (وگرنه فقط خودتان می‌بینید)
dc-option-datanet = دیتانت
lb-board-earnings = مشارکت‌کنندگان بر پایهٔ درآمد
lb-board-approved = مشارکت‌کنندگان بر پایهٔ موارد پذیرفته
lb-board-validators = اعتبارسنج‌ها بر پایهٔ درآمد و هم‌رأیی
lb-title-earnings = برترین مشارکت‌کنندگان { $datanet } بر پایهٔ درآمد
lb-title-approved = برترین مشارکت‌کنندگان { $datanet } بر پایهٔ موارد پذیرفته
lb-title-validators = برترین اعتبارسنج‌های { $datanet }
lb-line-contributor = { $rank }. { $name } · { $earned } · { $approved } پذیرفته
lb-line-validator = { $rank }. { $name } · هم‌رأیی { $agreement } · { $votes } رأی قطعی · درآمد { $earned }
lb-empty = هنوز کسی در این جدول نیست.
lb-unnamed = حساب #{ $id }
lb-you = شما
lb-page = صفحهٔ { $page }
lb-prev = ◀ قبلی
lb-next = بعدی ▶
menu-leaderboard = برترین مشارکت‌کنندگان و اعتبارسنج‌های یک دیتانت
menu-leaderboard-usage = /leaderboard شعر فارسی  (در گروه: /leaderboard public شعر فارسی)
tg-leaderboard-usage = کدام دیتانت؟ برای نمونه: /leaderboard شعر فارسی
tg-leaderboard-group = جدول‌ها نام افراد را نشان می‌دهند، پس در گروه فقط وقتی خواسته شود می‌فرستم: /leaderboard public { $datanet }. یا در گفت‌وگوی خصوصی بپرسید: @{ $bot }

## Dataset preview (/preview)
dc-preview-description = داده‌های پذیرفتهٔ یک دیتانت را پیش از آموزش یا پرداخت ببینید
dc-preview-language = فقط از این زبان نمونه بیاور (مثلاً fa)
menu-preview = داده‌های پذیرفتهٔ یک دیتانت را ببینید
menu-preview-usage = /preview شعر فارسی
tg-preview-usage = کدام دیتانت؟ برای نمونه: /preview شعر فارسی
preview-title = داده‌های پذیرفتهٔ { $datanet }
preview-size = { $items } مورد پذیرفته از { $contributors } مشارکت‌کننده · { $chars } نویسه
preview-languages = زبان‌ها: { $list }
preview-scores = امتیاز بررسی‌ها
preview-sample = نمونه
preview-empty = هنوز چیزی پذیرفته نشده: داده‌ای برای آموزش نیست.
preview-item = #{ $id } · { $language } · امتیاز { $score }

## Charts (/chart)
dc-chart-description = نمودار: درآمد شما، فعالیت یک دیتانت، سهم‌بندی یک رسید
dc-chart-earnings = درآمد روزانهٔ شما به تفکیک نقش
dc-chart-activity = ارسال‌ها و تصمیم‌های روزانهٔ یک دیتانت
dc-chart-receipt = یک پاسخ پولی به کدام مشارکت‌ها و با چه سهمی پرداخت
dc-chart-days = چند روز گذشته
dc-chart-receipt-id = شمارهٔ رسید
menu-chart = نمودار درآمد شما، فعالیت یک دیتانت یا یک رسید
menu-chart-usage = /chart earnings · /chart activity شعر فارسی · /chart receipt 12
chart-role-contributor = مشارکت‌کننده
chart-role-validator = اعتبارسنج
chart-role-developer = توسعه‌دهنده
chart-axis-day = روز (UTC)
chart-axis-pot = POT
chart-axis-role = نقش
chart-axis-items = تعداد
chart-axis-contribution = مشارکت
chart-axis-share = سهم از بخش داده (٪)
chart-earnings-title = درآمد شما، از { $from } تا { $to }
chart-earnings-total = درآمد این روزها: { $amount }
chart-activity-title = { $datanet }: فعالیت، از { $from } تا { $to }
chart-activity-submitted = ارسال‌شده
chart-activity-approved = پذیرفته
chart-activity-rejected = ردشده
chart-activity-total = در این روزها: { $counts }
chart-receipt-title = رسید #{ $receipt }: بخش داده به چه کسانی رسید
chart-receipt-total = کارمزد { $fee }، بخش داده { $data }، { $count } مشارکت سهم گرفتند
chart-receipt-line = #{ $id }: { $share } ← { $amount }

## Discord /receipt, /history, /transfer, /withdraw
dc-receipt-description = رسید کامل یک پاسخ پولی: تقسیم، داده‌هایی که از آن‌ها برگرفت، هش آن
dc-receipt-title = رسید #{ $id }
dc-receipt-fee = کارمزد
dc-receipt-split = تقسیم
dc-receipt-credited = مشارکت‌های سهم‌گیرنده
dc-receipt-hash = هش رسید
dc-receipt-line = #{ $id } · { $share } · داده { $data } · اعتبارسنج‌ها { $validators }
dc-history-description = پرداخت‌های شما، از تازه‌ترین، صفحه به صفحه
dc-transfer-description = از موجودی خود به عضو دیگری بپردازید (انعام)
dc-transfer-to = به چه کسی
dc-transfer-amount = POT، مثلاً 2.5
dc-transfer-memo = یادداشتی برای او (اختیاری)
dc-transfer-bot = ربات‌ها موجودی ندارند: یک نفر را انتخاب کنید.
dc-transfer-done = 💸 { $amount } به { $name } پرداخت شد.
dc-transfer-replayed = { $amount } قبلاً به { $name } پرداخت شده بود: چیزی دو بار جابه‌جا نشد.
dc-withdraw-description = یکی از مشارکت‌های در انتظار خود و ودیعه‌اش را پس بگیرید
dc-withdraw-id = شمارهٔ مشارکت
dc-withdraw-done = ↩️ مشارکت #{ $id } پس گرفته شد؛ ودیعهٔ { $amount } به موجودی شما برگشت.

## Discord /settings (per-server settings, server admins)
cmd-settings-description = تنظیمات پات‌لاک برای این سرور: کانال‌های بازبینی، و اینکه چه کسی آموزش دهد، منتشر کند یا بسازد
cmd-settings-show = نمایش تنظیمات پات‌لاک این سرور
cmd-settings-review = مشارکت‌های تازهٔ یک دیتانت برای بازبینی در یک کانال فرستاده شوند
cmd-settings-datanet = دیتانت
cmd-settings-channel = کانال؛ خالی بگذارید تا به پیش‌فرض برگردد
cmd-settings-allow = اجازهٔ یک کار ویژه به یک نقش
cmd-settings-disallow = گرفتن یک کار ویژه از یک نقش
cmd-settings-reset = بازگرداندن یک کار به قاعدهٔ پیش‌فرض سرویس
cmd-settings-permission = کار
cmd-settings-role = نقش
perm-datanet-create = ساختن دیتانت
perm-datanet-fund = تأمین بودجهٔ دیتانت
perm-train = آموزش مدل
perm-model-publish = انتشار مدل
dc-settings-admin-only = فقط مدیران سرور (Manage Server) می‌توانند تنظیمات پات‌لاک را اینجا تغییر دهند.
dc-settings-everyone-role = یک نقش انتخاب کنید: ‎@everyone‎ هیچ کار ویژه‌ای ندارد. برای باز کردن یک کار به روی همه، آن را به پیش‌فرض برگردانید.
dc-settings-title = ⚙️ تنظیمات پات‌لاک برای این سرور
dc-settings-review-heading = کانال‌های بازبینی
dc-settings-review-default = دیگر دیتانت‌ها: { $channel }
dc-settings-review-none = فرستاده نمی‌شود
dc-settings-roles-heading = چه کسی می‌تواند…
dc-settings-everyone = همه
dc-settings-from-server = تنظیم‌شده در اینجا
dc-settings-from-default = پیش‌فرض سرویس
dc-settings-review-set = پست‌های بازبینی { $datanet } از این پس به { $channel } می‌روند.
dc-settings-review-cleared = { $datanet } به کانال بازبینی پیش‌فرض ({ $channel }) برگشت.
dc-settings-roles-now = { $action }: { $roles }.
dc-settings-reset-done = { $action } دوباره از پیش‌فرض سرویس پیروی می‌کند: { $roles }.
dc-link-code-telegram = یا { $url } را در تلگرام باز کنید: با یک لمس پیوند می‌خورد.

## Activity notifications (/notifications): a contribution decided, a run finished, tokens to claim
menu-notifications = از مشارکت‌ها، اجراهای آموزش و برداشت‌هایم خبرم کن (روشن/خاموش)
menu-notifications-usage = ‎/notifications on‎ یا ‎/notifications off‎
cmd-notifications-description = پیام خصوصی وقتی مشارکت‌تان بررسی شد، اجرای آموزش‌تان تمام شد یا توکنی برای برداشت دارید
cmd-notifications-option = روشن یا خاموش
notifications-choice-on = روشن
notifications-choice-off = خاموش
notifications-status-on = 🔔 اعلان فعالیت‌ها روشن است: بررسی مشارکت، پایان اجرای آموزش، توکن قابل برداشت؛ حداکثر { $max } پیام { $every }. ‎/notifications off‎ آن‌ها را قطع می‌کند.
notifications-status-off = 🔕 اعلان فعالیت‌ها خاموش است. ‎/notifications on‎ خبرتان می‌کند وقتی مشارکتی بررسی شد، اجرای آموزشی تمام شد یا توکنی برای برداشت دارید.
notifications-usage = از ‎/notifications on‎ یا ‎/notifications off‎ استفاده کنید.
notifications-now-on = 🔔 اعلان فعالیت‌ها روشن شد: حداکثر { $max } پیام { $every }، هر کدام با همهٔ خبرهای تازه.
notifications-now-off = 🔕 اعلان فعالیت‌ها خاموش شد. با ‎/notifications on‎ دوباره روشن‌شان کنید.
notifications-dm-closed = نتوانستم به شما پیام خصوصی بفرستم: پیام مستقیم از اعضای این سرور را مجاز کنید و دوباره اعلان‌ها را روشن کنید.
events-title = 🔔 خبرهای فعالیت شما
event-contribution-approved = ✅ مشارکت #{ $id } در { $datanet } تأیید شد.
event-contribution-rejected = ❌ مشارکت #{ $id } در { $datanet } رد شد.
event-contribution-expired = ⌛ مهلت بررسی مشارکت #{ $id } در { $datanet } تمام شد و بی‌تصمیم برگشت؛ سپرده بازگردانده شد.
event-run-succeeded = 🧠 اجرای آموزش #{ $id } روی { $datanet } تمام شد: مدل آمادهٔ انتشار است.
event-run-failed = ⚠️ اجرای آموزش #{ $id } روی { $datanet } ناموفق بود.
event-claimable = 💰 { $amount } برای برداشت روی زنجیره (دورهٔ { $epoch }): ‎/claim‎ را ببینید.
events-more = …و { $count } مورد دیگر.
events-footer = با ‎/notifications off‎ این پیام‌ها قطع می‌شوند.

## Discord /proof
dc-proof-description = اثبات زنجیره‌ای یک مشارکت، نتیجهٔ اعتبارسنجی آن، یا داده‌های آموزشی یک مدل
dc-proof-contribution = اثبات اینکه یک مشارکت روی زنجیره ثبت شده است
dc-proof-validation = اثبات اینکه تأیید یا رد یک مشارکت روی زنجیره ثبت شده است
dc-proof-model = تصویر داده‌های آموزشی یک مدل، و اثبات اینکه یک مشارکت در آن هست
dc-proof-contribution-id = شمارهٔ مشارکت
dc-proof-model-id = شمارهٔ مدل
dc-proof-model-member = مشارکتی که می‌خواهید حضورش اثبات شود (اختیاری)
proof-title-contribution = مشارکت #{ $id }
proof-title-validation = اعتبارسنجی مشارکت #{ $id }
proof-title-model = تصویر داده‌های آموزشی مدل #{ $id }
proof-state-queued = در انتظار دستهٔ بعدی برای ثبت روی زنجیره؛ کمی بعد دوباره بپرسید.
proof-state-undecided = هنوز تصمیمی گرفته نشده: نتیجه پس از رأی نهایی اعتبارسنج‌ها روی زنجیره ثبت می‌شود.
proof-state-batched = در دسته‌ای است که تراکنش ثبت آن هنوز استخراج نشده است.
proof-state-anchored = روی زنجیره ثبت شده است.
proof-state-model = آموزش‌دیده روی { $count } مشارکت.
proof-leaf = برگ
proof-root = ریشهٔ مرکل
proof-batch = دسته
proof-batch-size = { $count } برگ
proof-tx = تراکنش ثبت
proof-tx-pending = هنوز روی زنجیره نیست
proof-path = اثبات مرکل ({ $count } گام)
proof-attached = برای نمایش در اینجا بیش از حد طولانی است: به صورت proof.json پیوست شد.
proof-on-chain = تأیید روی زنجیره
proof-verified-yes = بله، رجیستری آن را می‌پذیرد
proof-verified-no = نه، رجیستری آن را رد می‌کند
proof-verified-none = بررسی نشد (زنجیره‌ای پیکربندی نشده، یا هنوز ثبت نشده است)

## Reviewing: /review on Discord and Telegram, and the contribution card validators judge
review-approve = تأیید
review-reject = رد
review-skip = بعدی
review-approved = تأیید شد
review-rejected = رد شد
review-card-title = مشارکت #{ $id }
review-checks = بررسی‌های خودکار
review-checks-line = امتیاز { $score }/۱۰۰ · زبان { $language } · { $chars } نویسه
review-source = منبع
review-deposit = ودیعه
review-near = 🔁 تقریباً تکراریِ
review-near-similar = #{ $id } ({ $percent }٪ شباهت)
review-outcome = نتیجه
review-outcome-withdrawn = مشارکت‌کننده آن را پس گرفت.
review-outcome-expired = مهلت بررسی بدون تصمیم به پایان رسید: همراه با ودیعه به مشارکت‌کننده برگردانده شد.
review-outcome-approved = پس از { $votes } رأی تأیید شد (سهام موافق { $for }، مخالف { $against }).
review-outcome-rejected = پس از { $votes } رأی رد شد (سهام موافق { $for }، مخالف { $against }).
review-you-approved = ✅ مشارکت #{ $id } را با { $weight } سهام تأیید کردید.
review-you-rejected = ❌ مشارکت #{ $id } را با { $weight } سهام رد کردید.
review-status-approved = تأییدشده
review-status-rejected = ردشده
review-status-pending = در انتظار
review-status-withdrawn = پس‌گرفته‌شده
review-status-expired = منقضی‌شده
dc-review-description = مشارکت بعدی که منتظر رأی شماست، با دکمه‌های تأیید / رد
dc-review-datanet = فقط این دیتانت
dc-review-no-stake = هنوز اعتبارسنج هیچ دیتانتی نیستید. با `/validator stake` سهام بگذارید و بعد برگردید.
dc-review-empty = 🎉 در { $names } چیزی منتظر رأی شما نیست.
dc-review-footer = رأی‌ها تا اعلام نتیجه پنهان می‌مانند · پایان بررسی { $closes }
dc-review-reject-title = رد مشارکت #{ $id }
dc-review-reject-why = چرا؟ (مشارکت‌کننده و اعتبارسنج‌ها آن را می‌بینند)
dc-review-sealed = رأی شما مُهر و موم شده است: تا اعلام نتیجه هیچ‌کس آن را، یا هیچ شمارشی را، نمی‌بیند.
dc-review-now = اکنون **{ $status }** است.
tg-review-no-stake = هنوز اعتبارسنج هیچ دیتانتی نیستید: ابتدا روی یکی سهام بگذارید.
tg-review-empty = 🎉 چیزی منتظر رأی شما نیست.
tg-review-near = 🔁 تقریباً تکراریِ #{ $id } ({ $percent }٪ شباهت):
tg-review-deposit = ودیعه { $amount } · پایان بررسی { $closes }
tg-review-sealed-note = رأی‌ها تا اعلام نتیجه پنهان می‌مانند: هر نفر یک رأی، قطعی، با وزن سهام.
tg-review-why = ❌ رد مشارکت #{ $id }: چرا؟ (پس از اعلام نتیجه نمایش داده می‌شود.)
tg-review-no-reason = بدون دلیل
tg-review-back = ⬅️ بازگشت
tg-review-sealed = رأی شما تا اعلام نتیجه پنهان می‌ماند.
tg-review-now = اکنون { $status } است.
tg-reason-off-topic = نامرتبط با این دیتانت
tg-reason-low-quality = کیفیت پایین
tg-reason-copy = رونوشت متنی دیگر
tg-reason-language = زبان نادرست

## Discord /validator
dc-validator-description = اعتبارسنجی یک دیتانت: POT سهام بگذارید، به مشارکت‌ها رأی دهید، پاداش بگیرید
dc-validator-stake = روی یک دیتانت POT سهام بگذارید تا اعتبارسنج آن شوید (یا وزن رأیتان بیشتر شود)
dc-validator-amount = مقدار POT، مثلاً 10
dc-validator-unstake = کل سهامتان را پس بگیرید (پس از تعیین تکلیف رأی‌های باز)
dc-validator-status = سهام و اعتبار شما: هم‌رأیی، دقت در نمونه‌های طلایی، درآمد
dc-validator-leaderboard = اعتبارسنج‌های یک دیتانت بر اساس درآمد و هم‌رأیی
validator-reputation = { $votes } رأی · هم‌رأیی { $agreement } · طلایی { $gold } از { $answered } · درآمد { $earned }
validator-forfeited = ، ازدست‌رفته { $amount }
validator-suspended = · ⚠️ زیر آستانهٔ نمونه‌های طلایی: تا بهبود، درآمدی ندارد
dc-validator-stake-line = **{ $datanet }** · سهام { $staked }
dc-validator-below-min = (کمتر از حداقل { $min }: بدون حق رأی)
dc-validator-open = { $reputation }، { $open } رأی هنوز باز
dc-validator-status-title = 🛡️ وضعیت اعتبارسنجی شما
dc-validator-none = اعتبارسنج هیچ دیتانتی نیستید. با `/validator stake` شروع کنید.
dc-validator-you = شما
dc-validator-board-title = 🏆 اعتبارسنج‌های { $datanet }
dc-validator-board-empty = هنوز اعتبارسنجی نیست.
dc-validator-staked = 🛡️ اکنون { $amount } روی **{ $datanet }** سهام دارید. برای رأی دادن، روی پست‌های بررسی آن تأیید / رد را بزنید یا از `/review` استفاده کنید.
dc-validator-returned = ↩️ { $amount } از **{ $datanet }** به موجودی شما برگشت.
dc-validator-nothing = روی **{ $datanet }** سهامی نداشتید.

## Discord /train and its progress message
dc-train-description = آموزش یک مدل روی مشارکت‌های تأییدشدهٔ یک دیتانت؛ پیشرفت همین‌جا نمایش داده می‌شود
dc-train-base-model = یک مدل پایه برای ترکیب، با نامش (سرور فهرستشان را نشان می‌دهد؛ اختیاری)
dc-train-kind = نمایهٔ ∞-gram (پیش‌فرض) یا تنظیم دقیق LoRA روی مدل پایه
dc-train-kind-infini = ∞-gram
dc-train-kind-lora = تنظیم دقیق LoRA
dc-train-lora-rank = رتبهٔ LoRA؛ پیش‌فرض 8
dc-train-lora-epochs = تعداد دوره‌های LoRA؛ پیش‌فرض 1
dc-train-min-span = کوتاه‌ترین تطابق (به توکن) که برای داده سهم می‌آورد؛ پیش‌فرض 4
run-status-queued = در صف
run-status-running = در حال اجرا
run-status-succeeded = موفق
run-status-failed = ناموفق
run-status-cancelled = لغوشده
run-title = اجرای آموزش #{ $id }
run-publish = با `/model publish run:{ $id }` منتشرش کنید.
run-error = خطا: { $error }
run-snapshot = تصویر داده‌ها
run-snapshot-count = { $count } مشارکت تأییدشده
run-model = مدل
run-model-lora = LoRA روی { $base }
run-model-mixed = ∞-gram + { $base }
run-model-words = ∞-gram (واژه‌ها)
run-artifact = فایل خروجی
