//! `docbao read TARGET`: an article id (from the cache), an http(s) URL or a local HTML file.
