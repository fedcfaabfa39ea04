
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'docbao' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'docbao'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'docbao' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Subscribe to a feed (or to the feed an HTML page links to)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unsubscribe: FEED is an id, a URL or a title')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Subscribe to the feeds of an OPML file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the subscriptions as OPML 2.0')
            [CompletionResult]::new('feeds', 'feeds', [CompletionResultType]::ParameterValue, 'List subscriptions with counts and the last refresh result')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Fetch feeds concurrently')
            [CompletionResult]::new('articles', 'articles', [CompletionResultType]::ParameterValue, 'List articles, newest first')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Print an article: an id, an http(s) URL or a local HTML file')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Diacritic-insensitive search of cached titles and text; or save or delete a search')
            [CompletionResult]::new('rate', 'rate', [CompletionResultType]::ParameterValue, 'Rate an article 1 to 5 stars; 0 clears')
            [CompletionResult]::new('mark', 'mark', [CompletionResultType]::ParameterValue, 'Mark an article read or unread, or many: --feed, --all, --before')
            [CompletionResult]::new('searches', 'searches', [CompletionResultType]::ParameterValue, 'List the saved searches with their unread and total counts')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Arrival rules of the config')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script of a shell (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1))')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'docbao;add' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'title')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Its category: names outer first, joined by "/" (a "/" inside a name as "\/")')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;remove' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;import' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;export' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;feeds' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;refresh' {
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Concurrent fetches in all (at most 2 per host), 1 to 64')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--full-text', '--full-text', [CompletionResultType]::ParameterName, 'Also download and extract the full article of each new item')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;articles' {
            [CompletionResult]::new('--feed', '--feed', [CompletionResultType]::ParameterName, 'feed')
            [CompletionResult]::new('--min-rating', '--min-rating', [CompletionResultType]::ParameterName, 'min-rating')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'limit')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--unread', '--unread', [CompletionResultType]::ParameterName, 'unread')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;read' {
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Wrap width (default: the terminal''s, else 80; 0: no wrapping; 1 to 19 count as 20)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The base URL of a local file')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Plain text (default) or Markdown, for saving')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Show the feed''s own summary instead of the full text')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'With --json: add "evidence", how the title, byline, date and source were chosen')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'docbao;search' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'limit')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Save the search under NAME (replacing one of that name)')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete the saved search NAME')
            [CompletionResult]::new('--feed', '--feed', [CompletionResultType]::ParameterName, 'With --save: only this feed''s articles')
            [CompletionResult]::new('--min-rating', '--min-rating', [CompletionResultType]::ParameterName, 'With --save: only articles rated at least N')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'With --save: only articles dated within the last N days (the window moves)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--unread', '--unread', [CompletionResultType]::ParameterName, 'With --save: only unread articles')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;rate' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;mark' {
            [CompletionResult]::new('--feed', '--feed', [CompletionResultType]::ParameterName, 'Every article of this feed (an id, a URL or a title)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Articles published before DATE (YYYY-MM-DD, local midnight, or RFC 3339)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every article')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;searches' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;rules' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Which rules match which cached articles (nothing changes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'docbao;rules;test' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;rules;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Which rules match which cached articles (nothing changes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'docbao;rules;help;test' {
            break
        }
        'docbao;rules;help;help' {
            break
        }
        'docbao;completions' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;man' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;sync' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the cache (cache.db), log and lock live')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The config file (default: <config dir>/docbao/config.toml)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Interface language')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'json')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'No network at all; everything comes from the cache')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'A new cache starts empty: no default subscriptions, no guide')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'docbao;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Subscribe to a feed (or to the feed an HTML page links to)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unsubscribe: FEED is an id, a URL or a title')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Subscribe to the feeds of an OPML file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the subscriptions as OPML 2.0')
            [CompletionResult]::new('feeds', 'feeds', [CompletionResultType]::ParameterValue, 'List subscriptions with counts and the last refresh result')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Fetch feeds concurrently')
            [CompletionResult]::new('articles', 'articles', [CompletionResultType]::ParameterValue, 'List articles, newest first')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Print an article: an id, an http(s) URL or a local HTML file')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Diacritic-insensitive search of cached titles and text; or save or delete a search')
            [CompletionResult]::new('rate', 'rate', [CompletionResultType]::ParameterValue, 'Rate an article 1 to 5 stars; 0 clears')
            [CompletionResult]::new('mark', 'mark', [CompletionResultType]::ParameterValue, 'Mark an article read or unread, or many: --feed, --all, --before')
            [CompletionResult]::new('searches', 'searches', [CompletionResultType]::ParameterValue, 'List the saved searches with their unread and total counts')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Arrival rules of the config')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script of a shell (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1))')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'docbao;help;add' {
            break
        }
        'docbao;help;remove' {
            break
        }
        'docbao;help;import' {
            break
        }
        'docbao;help;export' {
            break
        }
        'docbao;help;feeds' {
            break
        }
        'docbao;help;refresh' {
            break
        }
        'docbao;help;articles' {
            break
        }
        'docbao;help;read' {
            break
        }
        'docbao;help;search' {
            break
        }
        'docbao;help;rate' {
            break
        }
        'docbao;help;mark' {
            break
        }
        'docbao;help;searches' {
            break
        }
        'docbao;help;rules' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Which rules match which cached articles (nothing changes)')
            break
        }
        'docbao;help;rules;test' {
            break
        }
        'docbao;help;completions' {
            break
        }
        'docbao;help;man' {
            break
        }
        'docbao;help;sync' {
            break
        }
        'docbao;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
