// libpq's header (Debian: libpq-dev) for its types and constants. The library itself is not linked:
// ITAServer loads it with dlopen when a server is first used (LibPQ.swift).
#include <postgresql/libpq-fe.h>
