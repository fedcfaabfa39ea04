//! The metadata stage through `extract`: cases that are about how candidates interact rather
//! than about one CMS's shape (those are in the corpus).
use docbao::article::{body_text, extract};

const PARAS: &str = "<p>The river rose two metres overnight and the ferry between the two towns stopped \
    running before dawn, leaving hundreds of commuters waiting on the bank.</p>\
    <p>Local officials opened the school gym as a shelter and said the water should fall by the \
    weekend if the rain upstream eases as forecast.</p>\
    <p>Residents were asked to move cars and livestock to higher ground and to avoid the flooded \
    road along the old canal.</p>";

#[test]
fn the_writer_answering_readers_stays_the_writer() {
    let html = format!(
        r#"<html lang="en"><head><title>River floods the valley</title>
        <script type="application/ld+json">{{"@type":"BlogPosting","author":{{"@type":"Person","name":"Regan"}}}}</script>
        </head><body><article><h1>River floods the valley</h1>{PARAS}</article>
        <div id="comments"><div class="comment"><span class="comment-author">Regan</span><p>Thanks for reading!</p></div></div>
        </body></html>"#
    );
    let ex = extract(&html, Some("https://blog.example.com/river")).unwrap();
    assert_eq!(ex.meta.byline.as_deref(), Some("Regan"));
}

#[test]
fn a_desk_is_no_byline_and_its_line_leaves_the_body() {
    let html = format!(
        r#"<html lang="en"><head><title>River floods the valley</title>
        <meta name="author" content="Valley News Staff"></head><body><article>
        <h1>River floods the valley</h1><p class="byline">Valley News Staff</p>{PARAS}</article></body></html>"#
    );
    let ex = extract(&html, Some("https://valley.example.com/river")).unwrap();
    assert_eq!(ex.meta.byline, None);
    let text = body_text(&ex.html);
    assert!(!text.contains("Valley News Staff"), "{text}");
    assert!(text.contains("school gym"), "{text}");
}
