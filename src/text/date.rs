//! Vietnamese dates and numbers as news pages write them.
