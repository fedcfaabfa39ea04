//! OPML 1.0/2.0 import (nested outlines become categories) and OPML 2.0 export.
