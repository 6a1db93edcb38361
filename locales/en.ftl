# Potluck bots, English. One catalogue for Discord and Telegram: plain text only (each bot adds
# its own markup); ids and names are passed as strings, counts and amounts as formatted values.

## Languages and /language
language-name-en = English
language-name-fa = Persian (فارسی)
language-set = From now on I answer you in { $language }.
language-auto = I follow your app's language again (now { $language }).
language-usage = Choose a language: /language en, /language fa, or /language auto to follow your app's language.
cmd-language-description = Choose the language the bot answers you in
cmd-language-option = Language
language-choice-auto = Automatic (follow my app)

## Errors
error-title-bad-input = That did not look right
error-title-not-found = Not found
error-title-forbidden = Not allowed
error-title-insufficient-funds = Not enough balance
error-title-expired = Expired
error-title-conflict = Conflict
error-title-duplicate = Already there
error-title-other = Could not do that
error-internal = Something went wrong on our side.
error-internal-retry = It is logged; please try again in a minute.
error-internal-short = Something went wrong on our side; try again.
error-internal-ref = Something went wrong on our side (ref { $ref }). Try again; if it keeps happening, tell an admin that ref.
error-command-gone = This command is no longer available. An admin can refresh the list with `potluck discord register`.
tg-next-bad-input = Check what you typed: /help shows every command with an example.
tg-next-not-found = Check the name or number: /datanets lists the datanets.
tg-next-insufficient-funds = Your balance is in /rewards.
tg-next-quota-exceeded = The daily quota resets tomorrow (UTC).
tg-next-too-large = Send something smaller, or split it into parts.
tg-next-rate-limited = Wait a moment, then try again.
tg-next-unavailable = The service is busy or restarting: try again in a minute.
tg-next-chain-error = The chain did not take it just now: try again in a few minutes.
tg-next-unauthenticated = Link your accounts first: /link explains how.
dc-hint-bad-input = Check the options and send the command again.
dc-hint-insufficient-funds = Your balance is in /rewards; run the command again once it covers this.
dc-hint-unauthenticated = Run the command again; if it keeps failing, ask an admin.
dc-hint-rate-limited = Wait a moment, then try again.
dc-hint-unavailable = Try again in a minute; if it keeps happening, tell an admin.
dc-hint-chain-error = Nothing was charged; try again in a minute.
dc-hint-datanet = /datanet list shows the datanets.
dc-hint-contribution = /review shows what is waiting for you.
dc-hint-model = /model list shows the published models.
dc-hint-run = /run status shows your training runs.
tg-private-only = This is personal, so I only answer it in a private chat: open @{ $bot } and send it there.

## Telegram /start, /help and the command menu
tg-welcome-title = Welcome to Potluck
tg-welcome-body = , where people build AI together and everyone who helped gets paid.
tg-welcome-what = Here you can follow what you earn, get told when you earn, add data and link your Discord account.
tg-help-title = What I can do
tg-not-understood = I did not understand that. /help lists what I can do.
tg-button-stale = This button is out of date. Send the command again.
menu-rewards = Your balance and what you earned
menu-history = Your payouts, page by page
menu-claim = Claim your rewards to your wallet
menu-wallet = Link a wallet (Sign-In with Ethereum)
menu-wallet-usage = /wallet for a one-time wallet page, or /wallet 0xADDRESS then /wallet 0xSIGNATURE  (/wallet unlink removes it)
menu-models = Models you can ask
menu-ask = Ask a model (paid, with a receipt)
menu-ask-usage = /ask MODEL your prompt
menu-notify = Tell me when I earn (on/off)
menu-notify-usage = /notify on  or  /notify off
menu-datanets = Datanets you can contribute to
menu-contribute = Add text to a datanet
menu-contribute-usage = /contribute Persian Poetry  (then your text on the next lines, or send a .txt/.md/.jsonl file with the datanet name as caption)
menu-link = Join your Discord account
menu-link-usage = /link CODE  (or /link alone for a code to use in Discord)
menu-language = Choose my language (English, Persian)
menu-language-usage = /language fa  or  /language en  or  /language auto
menu-help = What I can do

## Telegram: command menus per chat type, create datanets, train and publish (issue 18)
menu-newdatanet = Create a datanet (if your roles allow it)
menu-newdatanet-usage = /newdatanet Persian Poetry  (a description on the next lines)
menu-train = Train a model on a datanet's approved data
menu-train-usage = /train Persian Poetry
menu-publish = Publish your finished training run as a paid model
menu-publish-usage = /publish RUN PRICE SPLIT NAME, like /publish 12 0.5 40/40/10/10 Verse Weaver  (split in percent: developer/data/validators/protocol)
tg-open-private = 💬 Open a private chat with me
tg-group-personal = Personal commands (your balance, history, wallet, notifications) answer in a private chat with me.
tg-datanet-created = Created datanet { $name } (#{ $id }). Add data with /contribute; validators stake on it to review.
tg-run-status = { $status ->
    [queued] waiting in the queue
    [running] training
    [succeeded] finished
    [failed] failed
   *[cancelled] cancelled
}
tg-run-line = Training run #{ $id } on { $datanet }: { $status } ({ $percent }), { $count } approved contributions in its snapshot.
tg-run-replayed = Already started: this is the same run.
tg-run-publish-next = Publish it: /publish { $id } PRICE SPLIT NAME
tg-run-failed = Why: { $error }
tg-run-refresh = 🔄 Refresh
tg-split-invalid = split: give four percentages developer/data/validators/protocol, like 40/40/10/10.
tg-model-published = Published { $name } (#{ $id }): { $price } per call. Anyone can ask it with /ask.
tg-model-replayed = Already published: nothing was done twice.

## Rewards and balance
rewards-title = Your rewards
rewards-available = Available: { $amount }
rewards-staked = Staked as validator: { $amount }
rewards-deposits = Held as deposits on pending contributions: { $amount }
rewards-earned-total = Earned in total: { $amount }
rewards-by-source = By datanet and model
rewards-claims = Claims
rewards-last-payouts = Last payouts
rewards-no-payouts = No payouts yet. Add data with /contribute, or validate a datanet, and they start here.
rewards-no-wallet = No wallet linked: /wallet links one, so what you earn can be claimed on chain.
rewards-wallet = Wallet { $wallet }
rewards-claimable = Claimable now: { $claimable } · claimed so far: { $claimed }
rewards-waiting = Waiting for the next epoch: { $amount }
rewards-button-details = 📊 Details
rewards-button-history = 📜 History
rewards-button-claim = 💸 Claim { $amount }
rewards-button-refresh = 🔄 Refresh
source-model-on = model { $model } on { $datanet }
source-model = model { $model }
source-other = other
history-title = Your payouts
history-page = page { $page } of { $pages }
history-newer = ⬅️ Newer
history-older = Older ➡️
history-latest = 🔄 Latest
history-rewards = 💰 Rewards
history-empty = Nothing here yet. Payouts appear as soon as you earn.
role-contributor = as contributor
role-validator = as validator
role-developer = as developer
dc-rewards-description = Your balance, what you earned by role, and what you can claim
dc-rewards-available = Available
dc-rewards-staked = Staked
dc-rewards-deposits = In deposits
dc-rewards-as-contributor = 📝 As contributor
dc-rewards-as-validator = 🛡️ As validator
dc-rewards-as-developer = 🧪 As developer
dc-rewards-claimable = Claimable on chain
dc-rewards-waiting = Waiting for the next epoch
dc-rewards-claimed = Claimed
dc-rewards-wallet = Wallet { $wallet } · claim with /claim
dc-rewards-no-wallet = Link a wallet with /wallet link to receive earnings on chain

## Contributing (Telegram) and linking
contribute-usage = Send /contribute followed by the datanet name, and your text on the next lines. Or send a .txt, .md or .jsonl file with the datanet name as its caption.
contribute-which-datanet = Which datanet is this file for?
contribute-too-large = That file is larger than { $kb } KB, the limit.
contribute-file-unavailable = Telegram did not hand over the file. Send it again.
contribute-near = #{ $id } looks like #{ $other } ({ $percent } similar): validators will see it
contribute-refused-item = item { $index }: { $message }
contribute-accepted = Accepted { $count }: { $ids }, now waiting for validators.
contribute-deposit = Deposit held: { $amount } (back to you when approved).
contribute-none = Nothing was accepted.
contribute-refused = Refused { $count }
datanets-title = Datanets
datanets-line = { $approved } approved, { $pending } pending; deposit { $deposit }
datanets-none = No datanets yet. They are created in Discord or over MCP.
link-already = ✅ This Telegram account was already linked to that account. Nothing changed.
link-done-title = Linked.
link-done-body = Telegram and Discord now share one account: the same balance, rewards and history.
link-see = See them with /rewards.
link-code = 🔗 Your link code: { $code }
link-code-how = In Discord, run /link with this code to join that account to this one.
link-code-expires = It works once and expires at { $when }.
link-code-other = Have a code from Discord instead? Send /link followed by it.

## Models, claims and notifications (Telegram)
models-title = Models
models-line = { $price } per call, { $calls } calls so far
models-none = No models are published yet. They appear here once a developer publishes one.
ask-usage = Send /ask followed by the model name and your prompt, like: /ask Verse Weaver The river at night
tg-full-receipt-button = 🧾 Full receipt
claim-nothing-waiting = Nothing to claim yet. { $amount } you earned becomes claimable when the next epoch settles.
claim-nothing = Nothing to claim yet: you have claimed everything you earned. /rewards shows the details.
claim-done = Claimed { $amount }
claim-done-to = to { $wallet }.
claim-tx = Transaction: { $tx }
notify-word-on = on
notify-word-off = off
notify-status-on = 🔔 Notifications are { $state }: at most one message { $every }, with the sum you earned. /notify off stops them.
notify-status-off = 🔕 Notifications are { $state }. /notify on tells you when you earn (at most once { $every }, with the sum).
notify-usage = Use /notify on or /notify off.
notify-now-on = 🔔 Notifications on.
notify-now-on-detail = When you earn, I send one message { $every } at most, with the sum.
notify-now-off = 🔕 Notifications off.
notify-now-off-detail = Turn them back on with /notify on.
every-hours = { $n ->
    [one] every hour
   *[other] every { $n } hours
    }
every-minutes = { $n ->
    [one] every minute
   *[other] every { $n } minutes
    }
every-seconds = every { $n } seconds

## Discord /link, /claim, /faucet
dc-link-description = Join your Telegram identity to this account (one balance, one history)
dc-link-option = A code from the Telegram bot; leave empty to get a code for Telegram
dc-link-already = This Discord account was already linked there.
dc-link-done = 🔗 Linked: Discord and Telegram now share one account.
dc-link-code = 🔗 Your one-time link code: { $code }
dc-link-code-how = Send { $command } to the Potluck Telegram bot. It expires { $when } and works once.
dc-link-code-keep = Keep it to yourself: whoever redeems it joins your account.
dc-claim-description = Claim your settled rewards to your linked wallet
dc-claim-done = ✅ Claimed { $amount } to { $wallet } (epoch { $epoch }, { $total } in total so far).
dc-claim-tx = Transaction { $tx }
dc-claim-nothing = Nothing to claim yet: earnings become claimable after the next epoch settles.
dc-faucet-description = Get development POT (test servers only)
dc-faucet-done = 🚰 { $amount } added to your balance. See it with { $command }.

## Earnings notifications (Telegram)
notify-earned = 🔔 You earned { $amount } ({ $payouts })
notify-payouts = { $count ->
    [one] 1 payout
   *[other] { $count } payouts
    }
notify-footer = See /rewards for your balance. Turn these off with /notify off.

## Discord /contribute receipt
dc-sub-one = ✅ Contribution #{ $id } to { $datanet } is pending review.
dc-sub-checks = Automatic checks: score { $score }/100 · language { $language }
dc-sub-many = ✅ { $count } contributions to { $datanet } are pending review (#{ $first }–#{ $last }).
dc-sub-flagged = ⚠️ { $count } of them have check notes validators will see.
dc-sub-near = 🔁 #{ $id } looks like #{ $other } ({ $percent } similar); validators will compare them.
dc-sub-deposit = Deposit locked: { $amount } (returned if approved).
dc-sub-review-channel = Validators will vote on it in the review channel.
dc-sub-review-command = Validators will find it with /review.
dc-sub-refused-some = ❌ { $count } refused:
dc-sub-refused-all = ❌ Nothing was accepted:
dc-sub-item = item { $index }: { $message }
dc-sub-more = …and { $count } more.

## Discord /datanet
dc-dn-languages = Languages
dc-dn-any = any
dc-dn-deposit = Deposit per item
dc-dn-stake = Validator stake
dc-dn-stake-value = at least { $amount }
dc-dn-decision = Decision
dc-dn-decision-value = { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
    }, { $share } of stake
dc-dn-reward = Validation reward
dc-dn-reward-value = { $amount } per decision
dc-dn-pool = Reward pool
dc-dn-quota = Daily quota
dc-dn-quota-value = { $items } items, { $bytes } per person
dc-dn-contributions = Contributions
dc-dn-contributions-value = { $approved } approved · { $pending } pending · { $rejected } rejected · { $contributors } contributors
dc-dn-channel = Review channel
dc-dn-channel-none = none yet (use /review)
dc-dn-footer = Datanet #{ $id }
dc-dn-list-title = Datanets
dc-dn-list-line = { $approved } approved, { $pending } pending, { $contributors } contributors
dc-dn-list-none = No datanets yet. Create one with `/datanet create`.
dc-dn-funded = ✅ Added { $amount } to the reward pool of { $datanet }.

## Discord /wallet, /apikey
dc-wallet-unlinked = Unlinked { $address }.
dc-wallet-none = You had no wallet linked.
dc-wallet-sign = ✍️ Sign this message with { $address } (personal_sign, e.g. in your wallet's "sign message"), then press { $button }. It expires { $when }.
dc-wallet-submit = Submit signature
dc-wallet-modal-title = Link your wallet
dc-wallet-modal-message = Message you signed (leave as is)
dc-wallet-modal-signature = Signature (0x…)
dc-wallet-gone = That sign-in message is gone. Start again with /wallet link.
dc-wallet-same = { $address } was already your wallet.
dc-wallet-linked = 🔗 Wallet { $address } linked. Rewards settle to it each epoch; claim with /claim.
dc-wallet-replaced = 🔗 Wallet { $address } linked (replacing { $previous }). Rewards settle to it each epoch; claim with /claim.
dc-wallet-page = 🔗 Open your one-time wallet page to link a wallet without copying anything: { $url } (valid until { $when }). This message updates once it is linked.
dc-wallet-page-expired = That wallet page link expired. Run /wallet link again for a new one.
dc-claim-page = 💸 { $amount } is claimable by { $wallet }. Claim it from your wallet on this one-time page: { $url } (valid until { $when }).
dc-apikey-created = 🔑 Your API key (shown this once; store it now):
dc-apikey-how = Give it to your MCP client as a bearer token ({ $header }) or as { $variable } for { $command }.
dc-apikey-warning = Anyone holding it can spend your balance. Key id: { $id }.

## Telegram /wallet
tg-wallet-linked-now = Your linked wallet: { $wallet }
tg-wallet-none = No wallet is linked yet.
tg-wallet-about = Rewards are claimed on chain to the linked wallet.
tg-wallet-how = To link one, send /wallet followed by its address (0x…). I reply with a message to sign in the wallet; send the signature back the same way. /wallet unlink removes the link.
tg-wallet-unlinked = Unlinked { $address }. Rewards already committed to it can still be claimed by it.
tg-wallet-was-none = No wallet was linked.
tg-wallet-sign-title = Sign this message
tg-wallet-sign = with the wallet { $address } (in your wallet app: “Sign message”), exactly as it is:
tg-wallet-then = Then send /wallet followed by the signature (0x…). It is valid until { $when }.
tg-wallet-no-pending = There is no wallet link waiting for a signature. Start with /wallet followed by the address.
tg-wallet-same = ✅ { $address } was already your wallet. Nothing changed.
tg-wallet-done-title = Wallet linked:
tg-wallet-replaces = (it replaces { $previous })
tg-wallet-done = What you earn is committed to it each epoch; /claim pays it out.
tg-wallet-bad = That is neither a wallet address (0x and 40 hex digits) nor a signature. /wallet explains the steps.
tg-wallet-page = Easiest: open this one-time link in a browser with your wallet. It links the wallet without copying anything, and I confirm here. Valid until { $when }:
tg-wallet-page-linked = ✅ Wallet { $address } linked from the wallet page. What you earn is committed to it each epoch; /claim pays it out.
claim-page = To claim { $amount }, open this one-time link in a browser with your wallet; it sends the claim from there (you pay the gas). Valid until { $when }:

## Discord /model
dc-model-price = Price
dc-model-price-value = { $amount } per call
dc-model-datanet = Datanet
dc-model-trained = Trained by
dc-model-trained-run = run #{ $run }
dc-model-trained-on = run #{ $run } on { $base }
dc-model-split = Split
dc-model-usage = Usage
dc-model-usage-value = { $calls } paid calls, { $fees } in fees (data contributors got { $data }, validators { $validators })
dc-model-artifact = Artifact
dc-model-snapshot = Snapshot
dc-model-footer = Model #{ $id } · ask it with /ask
dc-model-list-title = Models
dc-model-list-line = { $price }/call · { $calls } calls
dc-model-list-none = No models yet. Train one with `/train`, then `/model publish`.

## /ask answers and receipts
receipt-parts = developer { $developer } · data { $data } · validators { $validators } · protocol { $protocol }
receipt-summary = 🧾 Receipt #{ $id } · fee { $fee }
receipt-paid = Paid: { $parts }
receipt-no-credit = No passage was long enough to credit: the data and validator shares went to the whole snapshot, by size.
receipt-sampled = Nothing matched closely; paid the contributions it sampled from: { $list }
receipt-drew-on = Drew on: { $list }
receipt-more = and { $count } more
receipt-neural-title = Neural attribution
receipt-neural = LoRA adapter { $adapter } on base model { $base }
receipt-neural-computed = Data share split by spans { $spans } + gradient influence { $influence }
receipt-neural-pending = Gradient influence was not ready in time: the data and validator parts wait in escrow and are paid once it is
receipt-neural-none = Spans only (this adapter has no gradient features)
receipt-neural-top = Most influential: { $list }
answer-question = Q:
answer-fee = 🧾 Fee
answer-top = Top contributors
answer-top-evidence = (nothing matched closely: the poems it sampled from)
answer-top-snapshot = (whole snapshot: nothing matched closely)
answer-no-span = no span long enough to credit
answer-footer = Receipt #{ $id } · { $hash }…
answer-already-paid = already paid
answer-receipt-page = 🧾 Receipt #{ $id }: public page with its on-chain proof
answer-no-context = (no answer: nothing in this datanet continues that prompt; try words from its contributions)
answer-end-of-document = (no answer: the prompt already ends the text it matches)
answer-empty = (empty answer)
tg-answer-no-context = (no answer: nothing in this datanet continues that prompt)
tg-answer-empty = (an empty answer)
tg-answer-replayed = Already answered: not charged again.

## Leaderboards (/leaderboard)
dc-leaderboard-description = A datanet's top contributors or validators
dc-leaderboard-board = Which board
dc-leaderboard-public = Post it in the channel for everyone (otherwise only you see it)
dc-option-datanet = Datanet
lb-board-earnings = Contributors by earnings
lb-board-approved = Contributors by approved items
lb-board-validators = Validators by earnings and agreement
lb-title-earnings = Top contributors of { $datanet } by earnings
lb-title-approved = Top contributors of { $datanet } by approved items
lb-title-validators = Top validators of { $datanet }
lb-line-contributor = { $rank }. { $name } · { $earned } · { $approved } approved
lb-line-validator = { $rank }. { $name } · agreement { $agreement } · { $votes } decided votes · earned { $earned }
lb-empty = Nobody on this board yet.
lb-unnamed = account #{ $id }
lb-you = you
lb-page = Page { $page }
lb-prev = ◀ Previous
lb-next = Next ▶
menu-leaderboard = A datanet's top contributors and validators
menu-leaderboard-usage = /leaderboard Persian Poetry  (in a group: /leaderboard public Persian Poetry)
tg-leaderboard-usage = Which datanet? For example: /leaderboard Persian Poetry
tg-leaderboard-group = Boards name people, so in a group I post one only when asked: /leaderboard public { $datanet }. Or ask me in private: @{ $bot }

## Dataset preview (/preview)
dc-preview-description = See a datanet's approved data before you train on it or pay for it
dc-preview-language = Only sample items in this language (e.g. fa)
menu-preview = See a datanet's approved data
menu-preview-usage = /preview Persian Poetry
tg-preview-usage = Which datanet? For example: /preview Persian Poetry
preview-title = Approved data of { $datanet }
preview-size = { $items } approved items from { $contributors } contributors · { $chars } characters
preview-languages = Languages: { $list }
preview-scores = Check scores
preview-sample = Sample
preview-empty = Nothing approved yet: there is no data to train on.
preview-item = #{ $id } · { $language } · score { $score }

## Charts (/chart)
dc-chart-description = Pictures: your earnings, a datanet's activity, a receipt's attribution
dc-chart-earnings = Your earnings per day, by role
dc-chart-activity = A datanet's daily submissions and decisions
dc-chart-receipt = Which contributions a paid answer paid, and what share
dc-chart-days = How many days back
dc-chart-receipt-id = Receipt number
menu-chart = Pictures of your earnings, a datanet's activity or a receipt
menu-chart-usage = /chart earnings · /chart activity Persian Poetry · /chart receipt 12
chart-role-contributor = Contributor
chart-role-validator = Validator
chart-role-developer = Developer
chart-axis-day = Day (UTC)
chart-axis-pot = POT
chart-axis-role = Role
chart-axis-items = Items
chart-axis-contribution = Contribution
chart-axis-share = Share of the data part (%)
chart-earnings-title = Your earnings, { $from } to { $to }
chart-earnings-total = Earned in these days: { $amount }
chart-activity-title = { $datanet }: activity, { $from } to { $to }
chart-activity-submitted = Submitted
chart-activity-approved = Approved
chart-activity-rejected = Rejected
chart-activity-total = In these days: { $counts }
chart-receipt-title = Receipt #{ $receipt }: who the data part paid
chart-receipt-total = Fee { $fee }, data part { $data }, { $count } contributions credited
chart-receipt-line = #{ $id }: { $share } → { $amount }

## Discord /receipt, /history, /transfer, /withdraw
dc-receipt-description = A paid answer's full receipt: the split, whose data it drew on, its hash
dc-receipt-title = Receipt #{ $id }
dc-receipt-fee = Fee
dc-receipt-split = Split
dc-receipt-credited = Credited contributions
dc-receipt-hash = Receipt hash
dc-receipt-line = #{ $id } · { $share } · data { $data } · validators { $validators }
dc-history-description = Your payouts, newest first, page by page
dc-transfer-description = Pay another member from your balance (a tip)
dc-transfer-to = Who to pay
dc-transfer-amount = POT, e.g. 2.5
dc-transfer-memo = A note for them (optional)
dc-transfer-bot = Bots have no balance: choose a person.
dc-transfer-done = 💸 Paid { $amount } to { $name }.
dc-transfer-replayed = Already paid { $amount } to { $name }: nothing moved twice.
dc-withdraw-description = Take back one of your pending contributions and its deposit
dc-withdraw-id = Contribution number
dc-withdraw-done = ↩️ Contribution #{ $id } withdrawn; { $amount } deposit is back in your balance.

## Discord /settings (per-server settings, server admins)
cmd-settings-description = Potluck settings for this server: review channels, who may train, publish or create
cmd-settings-show = Show this server's Potluck settings
cmd-settings-review = Post a datanet's new contributions for review in a channel
cmd-settings-datanet = Datanet
cmd-settings-channel = Channel; leave empty to go back to the default
cmd-settings-allow = Let a role do a reserved action
cmd-settings-disallow = Take a role off a reserved action
cmd-settings-reset = Hand an action back to the service's default rule
cmd-settings-permission = Action
cmd-settings-role = Role
perm-datanet-create = Create datanets
perm-datanet-fund = Fund datanet pools
perm-train = Train models
perm-model-publish = Publish models
dc-settings-admin-only = Only server admins (Manage Server) can change Potluck's settings here.
dc-settings-everyone-role = Pick a role: @everyone holds no reserved action. To open an action to everyone, reset it.
dc-settings-title = ⚙️ Potluck settings for this server
dc-settings-review-heading = Review channels
dc-settings-review-default = Every other datanet: { $channel }
dc-settings-review-none = not posted
dc-settings-roles-heading = Who may…
dc-settings-everyone = everyone
dc-settings-from-server = set here
dc-settings-from-default = service default
dc-settings-review-set = Review posts for { $datanet } now go to { $channel }.
dc-settings-review-cleared = { $datanet } is back on the default review channel ({ $channel }).
dc-settings-roles-now = { $action }: { $roles }.
dc-settings-reset-done = { $action } follows the service default again: { $roles }.
dc-link-code-telegram = Or open { $url } in Telegram: it links in one tap.

## Activity notifications (/notifications): a contribution decided, a run finished, tokens to claim
menu-notifications = Tell me about my contributions, training runs and claims (on/off)
menu-notifications-usage = /notifications on  or  /notifications off
cmd-notifications-description = DMs when your contributions are decided, your training runs end, or you have tokens to claim
cmd-notifications-option = on or off
notifications-choice-on = on
notifications-choice-off = off
notifications-status-on = 🔔 Activity notifications are on: a contribution decided, a training run finished, tokens to claim, batched in at most { $max } messages { $every }. /notifications off stops them.
notifications-status-off = 🔕 Activity notifications are off. /notifications on tells you when a contribution is decided, a training run ends, or you have tokens to claim.
notifications-usage = Use /notifications on or /notifications off.
notifications-now-on = 🔔 Activity notifications on: at most { $max } messages { $every }, each with everything new.
notifications-now-off = 🔕 Activity notifications off. Turn them back on with /notifications on.
notifications-dm-closed = I could not send you a DM: allow direct messages from this server's members, then turn notifications on again.
events-title = 🔔 News about your activity
event-contribution-approved = ✅ Contribution #{ $id } to { $datanet } was approved.
event-contribution-rejected = ❌ Contribution #{ $id } to { $datanet } was rejected.
event-contribution-expired = ⌛ Contribution #{ $id } to { $datanet } was returned undecided when its review window closed; the deposit is back.
event-run-succeeded = 🧠 Training run #{ $id } on { $datanet } finished: the model is ready to publish.
event-run-failed = ⚠️ Training run #{ $id } on { $datanet } failed.
event-claimable = 💰 { $amount } to claim on chain (epoch { $epoch }): see /claim.
events-more = …and { $count } more.
events-footer = Turn these off with /notifications off.

## Discord /proof
dc-proof-description = The on-chain proof of a contribution, its validation outcome, or a model's training data
dc-proof-contribution = Proof that a contribution is anchored on chain
dc-proof-validation = Proof that a contribution's approval or rejection is anchored on chain
dc-proof-model = A model's training snapshot, and proof that a contribution is in it
dc-proof-contribution-id = Contribution number
dc-proof-model-id = Model number
dc-proof-model-member = Contribution to prove included (optional)
proof-title-contribution = Contribution #{ $id }
proof-title-validation = Validation of contribution #{ $id }
proof-title-model = Training snapshot of model #{ $id }
proof-state-queued = Waiting for the next anchoring batch; ask again in a little while.
proof-state-undecided = Not decided yet: the outcome is anchored once validators settle it.
proof-state-batched = In a batch whose anchoring transaction is not mined yet.
proof-state-anchored = Anchored on chain.
proof-state-model = Trained on { $count ->
    [one] one contribution
   *[other] { $count } contributions
  }.
proof-leaf = Leaf
proof-root = Merkle root
proof-batch = Batch
proof-batch-size = { $count ->
    [one] one leaf
   *[other] { $count } leaves
  }
proof-tx = Anchoring transaction
proof-tx-pending = not on chain yet
proof-path = Merkle proof ({ $count ->
    [one] one step
   *[other] { $count } steps
  })
proof-attached = Too long to show here: attached as proof.json.
proof-on-chain = Verifies on chain
proof-verified-yes = yes, the registry accepts it
proof-verified-no = no, the registry rejects it
proof-verified-none = not checked (no chain configured, or not registered yet)

## Reviewing: /review on Discord and Telegram, and the contribution card validators judge
review-approve = Approve
review-reject = Reject
review-skip = Skip
review-approved = Approved
review-rejected = Rejected
review-card-title = Contribution #{ $id }
review-checks = Automatic checks
review-checks-line = score { $score }/100 · language { $language } · { $chars } characters
review-source = Source
review-deposit = Deposit
review-near = 🔁 Near-duplicate of
review-near-similar = #{ $id } ({ $percent }% similar)
review-outcome = Outcome
review-outcome-withdrawn = Withdrawn by the contributor.
review-outcome-expired = The review window closed without a decision: returned to the contributor with the deposit.
review-outcome-approved = Approved after { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  } (stake for { $for }, against { $against }).
review-outcome-rejected = Rejected after { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
  } (stake for { $for }, against { $against }).
review-you-approved = ✅ You approved #{ $id } with { $weight } of stake.
review-you-rejected = ❌ You rejected #{ $id } with { $weight } of stake.
review-status-approved = approved
review-status-rejected = rejected
review-status-pending = pending
review-status-withdrawn = withdrawn
review-status-expired = expired
dc-review-description = The next contribution waiting for your vote, with Approve / Reject buttons
dc-review-datanet = Only this datanet
dc-review-no-stake = You don't validate any datanet yet. Stake with `/validator stake`, then come back.
dc-review-empty = 🎉 Nothing waiting for your vote in { $names }.
dc-review-footer = Votes stay sealed until the outcome · review closes { $closes }
dc-review-reject-title = Reject contribution #{ $id }
dc-review-reject-why = Why? (the contributor and validators see it)
dc-review-sealed = Your vote is sealed: nobody sees it, or any tally, until the outcome.
dc-review-now = It is now **{ $status }**.
tg-review-no-stake = You don't validate any datanet yet: stake on one first.
tg-review-empty = 🎉 Nothing is waiting for your vote.
tg-review-near = 🔁 Near-duplicate of #{ $id } ({ $percent }% similar):
tg-review-deposit = Deposit { $amount } · review closes { $closes }
tg-review-sealed-note = Votes stay sealed until the outcome: one vote each, final, weighted by stake.
tg-review-why = ❌ Reject contribution #{ $id }: why? (Shown once the outcome is decided.)
tg-review-no-reason = No reason
tg-review-back = ⬅️ Back
tg-review-sealed = Your vote is sealed until the outcome.
tg-review-now = It is now { $status }.
tg-reason-off-topic = Off-topic for this datanet
tg-reason-low-quality = Low quality
tg-reason-copy = Copy of another text
tg-reason-language = Wrong language

## Discord /validator
dc-validator-description = Validate a datanet: stake POT, vote on contributions, earn rewards
dc-validator-stake = Stake POT on a datanet to become (or weigh more as) its validator
dc-validator-amount = POT, e.g. 10
dc-validator-unstake = Take your whole stake back (after your open votes are decided)
dc-validator-status = Your stakes and reputation: agreement, gold accuracy, earnings
dc-validator-leaderboard = A datanet's validators by earnings and agreement
validator-reputation = { $votes } votes · agreement { $agreement } · gold { $gold } of { $answered } · earned { $earned }
validator-forfeited = , forfeited { $amount }
validator-suspended = · ⚠️ below the gold threshold: not earning until it recovers
dc-validator-stake-line = **{ $datanet }** · staked { $staked }
dc-validator-below-min = (below the { $min } minimum: no voting)
dc-validator-open = { $reputation }, { $open } still open
dc-validator-status-title = 🛡️ Your validator status
dc-validator-none = You are not validating any datanet. Start with `/validator stake`.
dc-validator-you = you
dc-validator-board-title = 🏆 Validators of { $datanet }
dc-validator-board-empty = No validators yet.
dc-validator-staked = 🛡️ You now stake { $amount } on **{ $datanet }**. Press Approve / Reject on its review posts or use `/review` to vote.
dc-validator-returned = ↩️ { $amount } returned from **{ $datanet }** to your balance.
dc-validator-nothing = You had nothing staked on **{ $datanet }**.

## Discord /train and its progress message
dc-train-description = Train a model on a datanet's approved contributions; progress shows here
dc-train-base-model = A base model to mix in, by name (the server lists them; optional)
dc-train-kind = ∞-gram index (default) or a LoRA fine-tune of the base model
dc-train-kind-infini = ∞-gram
dc-train-kind-lora = LoRA fine-tune
dc-train-lora-rank = LoRA rank; default 8
dc-train-lora-epochs = LoRA epochs; default 1
dc-train-min-span = Shortest match (tokens) that earns data credit; default 4
run-status-queued = queued
run-status-running = running
run-status-succeeded = succeeded
run-status-failed = failed
run-status-cancelled = cancelled
run-title = Training run #{ $id }
run-publish = Publish it with `/model publish run:{ $id }`.
run-error = Error: { $error }
run-snapshot = Snapshot
run-snapshot-count = { $count } approved contributions
run-model = Model
run-model-lora = LoRA on { $base }
run-model-mixed = ∞-gram + { $base }
run-model-words = ∞-gram (words)
run-artifact = Artifact
