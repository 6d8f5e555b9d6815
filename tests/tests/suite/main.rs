//! The Merit integration suite: the real program in an in-process bank. One file per
//! feature under `cases/`.
mod cases;
