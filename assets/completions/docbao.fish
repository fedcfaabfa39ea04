# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_docbao_global_optspecs
    string join \n data-dir= config= offline lang= no-defaults h/help V/version
end

function __fish_docbao_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_docbao_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_docbao_using_subcommand
    set -l cmd (__fish_docbao_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c docbao -n "__fish_docbao_needs_command" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_needs_command" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_needs_command" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_needs_command" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_needs_command" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_needs_command" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_needs_command" -s V -l version -d 'Print version'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "add" -d 'Subscribe to a feed (or to the feed an HTML page links to)'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "remove" -d 'Unsubscribe: FEED is an id, a URL or a title'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "import" -d 'Subscribe to the feeds of an OPML file'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "export" -d 'Write the subscriptions as OPML 2.0'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "feeds" -d 'List subscriptions with counts and the last refresh result'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "refresh" -d 'Fetch feeds concurrently'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "articles" -d 'List articles, newest first'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "read" -d 'Print an article: an id, an http(s) URL or a local HTML file'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "search" -d 'Diacritic-insensitive search of cached titles and text; or save or delete a search'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "rate" -d 'Rate an article 1 to 5 stars; 0 clears'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "mark" -d 'Mark an article read or unread, or many: --feed, --all, --before'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "searches" -d 'List the saved searches with their unread and total counts'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "rules" -d 'Arrival rules of the config'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "completions" -d 'Print the completion script of a shell (bash, zsh, fish, elvish, powershell)'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "man" -d 'Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1))'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "sync" -d 'Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever)'
complete -c docbao -n "__fish_docbao_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c docbao -n "__fish_docbao_using_subcommand add" -l title -r
complete -c docbao -n "__fish_docbao_using_subcommand add" -l category -d 'Its category: names outer first, joined by "/" (a "/" inside a name as "\\/")' -r
complete -c docbao -n "__fish_docbao_using_subcommand add" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand add" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand add" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand add" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand add" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand add" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand remove" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand remove" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand remove" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand remove" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand remove" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand remove" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand import" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand import" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand import" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand import" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand import" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand import" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand export" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand export" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand export" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand export" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand export" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand export" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -l json
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand feeds" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l jobs -d 'Concurrent fetches in all (at most 2 per host), 1 to 64' -r
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l full-text -d 'Also download and extract the full article of each new item'
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand refresh" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l feed -r
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l min-rating -r
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l limit -r
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l unread
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l json
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand articles" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand articles" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand read" -l width -d 'Wrap width (default: the terminal\'s, else 80; 0: no wrapping; 1 to 19 count as 20)' -r
complete -c docbao -n "__fish_docbao_using_subcommand read" -l url -d 'The base URL of a local file' -r
complete -c docbao -n "__fish_docbao_using_subcommand read" -l format -d 'Plain text (default) or Markdown, for saving' -r -f -a "text\t'Plain text, wrapped'
md\t'Markdown: `# title`, header lines, body, link list'"
complete -c docbao -n "__fish_docbao_using_subcommand read" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand read" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand read" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand read" -l json
complete -c docbao -n "__fish_docbao_using_subcommand read" -l summary -d 'Show the feed\'s own summary instead of the full text'
complete -c docbao -n "__fish_docbao_using_subcommand read" -l debug -d 'With --json: add "evidence", how the title, byline, date and source were chosen'
complete -c docbao -n "__fish_docbao_using_subcommand read" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand read" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand read" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c docbao -n "__fish_docbao_using_subcommand search" -l limit -r
complete -c docbao -n "__fish_docbao_using_subcommand search" -l save -d 'Save the search under NAME (replacing one of that name)' -r
complete -c docbao -n "__fish_docbao_using_subcommand search" -l delete -d 'Delete the saved search NAME' -r
complete -c docbao -n "__fish_docbao_using_subcommand search" -l feed -d 'With --save: only this feed\'s articles' -r
complete -c docbao -n "__fish_docbao_using_subcommand search" -l min-rating -d 'With --save: only articles rated at least N' -r
complete -c docbao -n "__fish_docbao_using_subcommand search" -l days -d 'With --save: only articles dated within the last N days (the window moves)' -r
complete -c docbao -n "__fish_docbao_using_subcommand search" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand search" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand search" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand search" -l json
complete -c docbao -n "__fish_docbao_using_subcommand search" -l unread -d 'With --save: only unread articles'
complete -c docbao -n "__fish_docbao_using_subcommand search" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand search" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand search" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand rate" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand rate" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand rate" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand rate" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand rate" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand rate" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l feed -d 'Every article of this feed (an id, a URL or a title)' -r
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l before -d 'Articles published before DATE (YYYY-MM-DD, local midnight, or RFC 3339)' -r
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l all -d 'Every article'
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand mark" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand mark" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand searches" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand searches" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand searches" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand searches" -l json
complete -c docbao -n "__fish_docbao_using_subcommand searches" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand searches" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand searches" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Which rules match which cached articles (nothing changes)'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -l json
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "test" -d 'Which rules match which cached articles (nothing changes)'
complete -c docbao -n "__fish_docbao_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c docbao -n "__fish_docbao_using_subcommand completions" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand completions" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand completions" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand completions" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand completions" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand completions" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand man" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand man" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand man" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand man" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand man" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand man" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand sync" -l data-dir -d 'Where the cache (cache.db), log and lock live' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand sync" -l config -d 'The config file (default: <config dir>/docbao/config.toml)' -r -F
complete -c docbao -n "__fish_docbao_using_subcommand sync" -l lang -d 'Interface language' -r -f -a "vi\t''
en\t''"
complete -c docbao -n "__fish_docbao_using_subcommand sync" -l json
complete -c docbao -n "__fish_docbao_using_subcommand sync" -l offline -d 'No network at all; everything comes from the cache'
complete -c docbao -n "__fish_docbao_using_subcommand sync" -l no-defaults -d 'A new cache starts empty: no default subscriptions, no guide'
complete -c docbao -n "__fish_docbao_using_subcommand sync" -s h -l help -d 'Print help'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "add" -d 'Subscribe to a feed (or to the feed an HTML page links to)'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "remove" -d 'Unsubscribe: FEED is an id, a URL or a title'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "import" -d 'Subscribe to the feeds of an OPML file'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "export" -d 'Write the subscriptions as OPML 2.0'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "feeds" -d 'List subscriptions with counts and the last refresh result'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "refresh" -d 'Fetch feeds concurrently'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "articles" -d 'List articles, newest first'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "read" -d 'Print an article: an id, an http(s) URL or a local HTML file'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "search" -d 'Diacritic-insensitive search of cached titles and text; or save or delete a search'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "rate" -d 'Rate an article 1 to 5 stars; 0 clears'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "mark" -d 'Mark an article read or unread, or many: --feed, --all, --before'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "searches" -d 'List the saved searches with their unread and total counts'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "rules" -d 'Arrival rules of the config'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "completions" -d 'Print the completion script of a shell (bash, zsh, fish, elvish, powershell)'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "man" -d 'Print the man page (roff) of docbao, or of one COMMAND (docbao-COMMAND(1))'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "sync" -d 'Pull from and push to the aggregator of `[sync]` (Google Reader API or Fever)'
complete -c docbao -n "__fish_docbao_using_subcommand help; and not __fish_seen_subcommand_from add remove import export feeds refresh articles read search rate mark searches rules completions man sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c docbao -n "__fish_docbao_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "test" -d 'Which rules match which cached articles (nothing changes)'
