//! Code tables of the legacy Vietnamese charsets, written from the published charts (TCVN
//! 5712:1993 VN3 as glibc's TCVN5712-1 charmap lays it out, and VISCII 1.1). Bytes below 0x80
//! are ASCII except the few C0 positions listed; TCVN3 0xB0..=0xB4 are combining tone marks.

/// Bytes 0x80..=0xFF.
pub(super) const TCVN3_HIGH: [char; 128] = [
    '\u{C0}', '\u{1EA2}', '\u{C3}', '\u{C1}', '\u{1EA0}', '\u{1EB6}', '\u{1EAC}',
    '\u{C8}', // 0x80
    '\u{1EBA}', '\u{1EBC}', '\u{C9}', '\u{1EB8}', '\u{1EC6}', '\u{CC}', '\u{1EC8}',
    '\u{128}', // 0x88
    '\u{CD}', '\u{1ECA}', '\u{D2}', '\u{1ECE}', '\u{D5}', '\u{D3}', '\u{1ECC}',
    '\u{1ED8}', // 0x90
    '\u{1EDC}', '\u{1EDE}', '\u{1EE0}', '\u{1EDA}', '\u{1EE2}', '\u{D9}', '\u{1EE6}',
    '\u{168}', // 0x98
    '\u{A0}', '\u{102}', '\u{C2}', '\u{CA}', '\u{D4}', '\u{1A0}', '\u{1AF}',
    '\u{110}', // 0xA0
    '\u{103}', '\u{E2}', '\u{EA}', '\u{F4}', '\u{1A1}', '\u{1B0}', '\u{111}',
    '\u{1EB0}', // 0xA8
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', '\u{E0}', '\u{1EA3}',
    '\u{E3}', // 0xB0
    '\u{E1}', '\u{1EA1}', '\u{1EB2}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EAF}',
    '\u{1EB4}', // 0xB8
    '\u{1EAE}', '\u{1EA6}', '\u{1EA8}', '\u{1EAA}', '\u{1EA4}', '\u{1EC0}', '\u{1EB7}',
    '\u{1EA7}', // 0xC0
    '\u{1EA9}', '\u{1EAB}', '\u{1EA5}', '\u{1EAD}', '\u{E8}', '\u{1EC2}', '\u{1EBB}',
    '\u{1EBD}', // 0xC8
    '\u{E9}', '\u{1EB9}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EBF}', '\u{1EC7}',
    '\u{EC}', // 0xD0
    '\u{1EC9}', '\u{1EC4}', '\u{1EBE}', '\u{1ED2}', '\u{129}', '\u{ED}', '\u{1ECB}',
    '\u{F2}', // 0xD8
    '\u{1ED4}', '\u{1ECF}', '\u{F5}', '\u{F3}', '\u{1ECD}', '\u{1ED3}', '\u{1ED5}',
    '\u{1ED7}', // 0xE0
    '\u{1ED1}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{1EDB}', '\u{1EE3}',
    '\u{F9}', // 0xE8
    '\u{1ED6}', '\u{1EE7}', '\u{169}', '\u{FA}', '\u{1EE5}', '\u{1EEB}', '\u{1EED}',
    '\u{1EEF}', // 0xF0
    '\u{1EE9}', '\u{1EF1}', '\u{1EF3}', '\u{1EF7}', '\u{1EF9}', '\u{FD}', '\u{1EF5}',
    '\u{1ED0}', // 0xF8
];
/// C0 positions that hold letters.
pub(super) const TCVN3_LOW: [(u8, char); 12] = [
    (0x01, '\u{DA}'),
    (0x02, '\u{1EE4}'),
    (0x04, '\u{1EEA}'),
    (0x05, '\u{1EEC}'),
    (0x06, '\u{1EEE}'),
    (0x11, '\u{1EE8}'),
    (0x12, '\u{1EF0}'),
    (0x13, '\u{1EF2}'),
    (0x14, '\u{1EF6}'),
    (0x15, '\u{1EF8}'),
    (0x16, '\u{DD}'),
    (0x17, '\u{1EF4}'),
];
/// Bytes 0x80..=0xFF.
pub(super) const VISCII_HIGH: [char; 128] = [
    '\u{1EA0}', '\u{1EAE}', '\u{1EB0}', '\u{1EB6}', '\u{1EA4}', '\u{1EA6}', '\u{1EA8}',
    '\u{1EAC}', // 0x80
    '\u{1EBC}', '\u{1EB8}', '\u{1EBE}', '\u{1EC0}', '\u{1EC2}', '\u{1EC4}', '\u{1EC6}',
    '\u{1ED0}', // 0x88
    '\u{1ED2}', '\u{1ED4}', '\u{1ED6}', '\u{1ED8}', '\u{1EE2}', '\u{1EDA}', '\u{1EDC}',
    '\u{1EDE}', // 0x90
    '\u{1ECA}', '\u{1ECE}', '\u{1ECC}', '\u{1EC8}', '\u{1EE6}', '\u{168}', '\u{1EE4}',
    '\u{1EF2}', // 0x98
    '\u{D5}', '\u{1EAF}', '\u{1EB1}', '\u{1EB7}', '\u{1EA5}', '\u{1EA7}', '\u{1EA9}',
    '\u{1EAD}', // 0xA0
    '\u{1EBD}', '\u{1EB9}', '\u{1EBF}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EC7}',
    '\u{1ED1}', // 0xA8
    '\u{1ED3}', '\u{1ED5}', '\u{1ED7}', '\u{1EE0}', '\u{1A0}', '\u{1ED9}', '\u{1EDD}',
    '\u{1EDF}', // 0xB0
    '\u{1ECB}', '\u{1EF0}', '\u{1EE8}', '\u{1EEA}', '\u{1EEC}', '\u{1A1}', '\u{1EDB}',
    '\u{1AF}', // 0xB8
    '\u{C0}', '\u{C1}', '\u{C2}', '\u{C3}', '\u{1EA2}', '\u{102}', '\u{1EB3}',
    '\u{1EB5}', // 0xC0
    '\u{C8}', '\u{C9}', '\u{CA}', '\u{1EBA}', '\u{CC}', '\u{CD}', '\u{128}',
    '\u{1EF3}', // 0xC8
    '\u{110}', '\u{1EE9}', '\u{D2}', '\u{D3}', '\u{D4}', '\u{1EA1}', '\u{1EF7}',
    '\u{1EEB}', // 0xD0
    '\u{1EED}', '\u{D9}', '\u{DA}', '\u{1EF9}', '\u{1EF5}', '\u{DD}', '\u{1EE1}',
    '\u{1B0}', // 0xD8
    '\u{E0}', '\u{E1}', '\u{E2}', '\u{E3}', '\u{1EA3}', '\u{103}', '\u{1EEF}',
    '\u{1EAB}', // 0xE0
    '\u{E8}', '\u{E9}', '\u{EA}', '\u{1EBB}', '\u{EC}', '\u{ED}', '\u{129}',
    '\u{1EC9}', // 0xE8
    '\u{111}', '\u{1EF1}', '\u{F2}', '\u{F3}', '\u{F4}', '\u{F5}', '\u{1ECF}',
    '\u{1ECD}', // 0xF0
    '\u{1EE5}', '\u{F9}', '\u{FA}', '\u{169}', '\u{1EE7}', '\u{FD}', '\u{1EE3}',
    '\u{1EEE}', // 0xF8
];
/// C0 positions that hold letters.
pub(super) const VISCII_LOW: [(u8, char); 6] = [
    (0x02, '\u{1EB2}'),
    (0x05, '\u{1EB4}'),
    (0x06, '\u{1EAA}'),
    (0x14, '\u{1EF6}'),
    (0x19, '\u{1EF8}'),
    (0x1E, '\u{1EF4}'),
];
