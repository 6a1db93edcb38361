-- The language a person chose for the bots (/language); null follows their Discord or Telegram client.
alter table accounts add column language text check (language in ('en', 'fa'));
