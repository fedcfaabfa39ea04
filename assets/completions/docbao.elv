
use builtin;
use str;

set edit:completion:arg-completer[docbao] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'docbao'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'docbao'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Subscribe to a feed (or to the feed an HTML page links to)'
            cand remove 'Unsubscribe: FEED is an id, a URL or a title'
            cand import 'Subscribe to the feeds of an OPML file'
            cand export 'Write the subscriptions as OPML 2.0'
            cand feeds 'List subscriptions with counts and the last refresh result'
            cand refresh 'Fetch feeds concurrently'
            cand articles 'List articles, newest first'
            cand read 'Print an article: an id, an http(s) URL or a local HTML file'
            cand search 'Diacritic-insensitive search of cached titles and text; or save or delete a search'
            cand rate 'Rate an article 1 to 5 stars; 0 clears'
            cand mark 'Mark an article read or unread, or many: --feed, --all, --before'
            cand searches 'List the saved searches with their unread and total counts'
            cand rules 'Arrival rules of the config'
            cand completions 'Print the completion script of a shell (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1))'
            cand sync 'Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'docbao;add'= {
            cand --title 'title'
            cand --category 'Its category: names outer first, joined by "/" (a "/" inside a name as "\/")'
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;remove'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;import'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;export'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;feeds'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --json 'json'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;refresh'= {
            cand --jobs 'Concurrent fetches in all (at most 2 per host), 1 to 64'
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --full-text 'Also download and extract the full article of each new item'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;articles'= {
            cand --feed 'feed'
            cand --min-rating 'min-rating'
            cand --limit 'limit'
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --unread 'unread'
            cand --json 'json'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;read'= {
            cand --width 'Wrap width (default: the terminal''s, else 80; 0: no wrapping; 1 to 19 count as 20)'
            cand --url 'The base URL of a local file'
            cand --format 'Plain text (default) or Markdown, for saving'
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --json 'json'
            cand --summary 'Show the feed''s own summary instead of the full text'
            cand --debug 'With --json: add "evidence", how the title, byline, date and source were chosen'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'docbao;search'= {
            cand --limit 'limit'
            cand --save 'Save the search under NAME (replacing one of that name)'
            cand --delete 'Delete the saved search NAME'
            cand --feed 'With --save: only this feed''s articles'
            cand --min-rating 'With --save: only articles rated at least N'
            cand --days 'With --save: only articles dated within the last N days (the window moves)'
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --json 'json'
            cand --unread 'With --save: only unread articles'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;rate'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;mark'= {
            cand --feed 'Every article of this feed (an id, a URL or a title)'
            cand --before 'Articles published before DATE (YYYY-MM-DD, local midnight, or RFC 3339)'
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --all 'Every article'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;searches'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --json 'json'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;rules'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
            cand test 'Which rules match which cached articles (nothing changes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'docbao;rules;test'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --json 'json'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;rules;help'= {
            cand test 'Which rules match which cached articles (nothing changes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'docbao;rules;help;test'= {
        }
        &'docbao;rules;help;help'= {
        }
        &'docbao;completions'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;man'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;sync'= {
            cand --data-dir 'Where the cache (cache.db), log and lock live'
            cand --config 'The config file (default: <config dir>/docbao/config.toml)'
            cand --lang 'Interface language'
            cand --json 'json'
            cand --offline 'No network at all; everything comes from the cache'
            cand --no-defaults 'A new cache starts empty: no default subscriptions, no guide'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'docbao;help'= {
            cand add 'Subscribe to a feed (or to the feed an HTML page links to)'
            cand remove 'Unsubscribe: FEED is an id, a URL or a title'
            cand import 'Subscribe to the feeds of an OPML file'
            cand export 'Write the subscriptions as OPML 2.0'
            cand feeds 'List subscriptions with counts and the last refresh result'
            cand refresh 'Fetch feeds concurrently'
            cand articles 'List articles, newest first'
            cand read 'Print an article: an id, an http(s) URL or a local HTML file'
            cand search 'Diacritic-insensitive search of cached titles and text; or save or delete a search'
            cand rate 'Rate an article 1 to 5 stars; 0 clears'
            cand mark 'Mark an article read or unread, or many: --feed, --all, --before'
            cand searches 'List the saved searches with their unread and total counts'
            cand rules 'Arrival rules of the config'
            cand completions 'Print the completion script of a shell (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1))'
            cand sync 'Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'docbao;help;add'= {
        }
        &'docbao;help;remove'= {
        }
        &'docbao;help;import'= {
        }
        &'docbao;help;export'= {
        }
        &'docbao;help;feeds'= {
        }
        &'docbao;help;refresh'= {
        }
        &'docbao;help;articles'= {
        }
        &'docbao;help;read'= {
        }
        &'docbao;help;search'= {
        }
        &'docbao;help;rate'= {
        }
        &'docbao;help;mark'= {
        }
        &'docbao;help;searches'= {
        }
        &'docbao;help;rules'= {
            cand test 'Which rules match which cached articles (nothing changes)'
        }
        &'docbao;help;rules;test'= {
        }
        &'docbao;help;completions'= {
        }
        &'docbao;help;man'= {
        }
        &'docbao;help;sync'= {
        }
        &'docbao;help;help'= {
        }
    ]
    $completions[$command]
}
