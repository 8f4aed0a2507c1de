//! WebAssembly bindings of the `unilogin` core (work in progress).
