// ncursesw with the wide-character API, and accessors for what Swift cannot import:
// function-like macros (A_*, COLOR_PAIR) and mutable C globals (stdscr, COLORS, COLOR_PAIRS).
#ifndef ITA_CNCURSESW_SHIM_H
#define ITA_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

static const attr_t ita_A_NORMAL = A_NORMAL;
static const attr_t ita_A_BOLD = A_BOLD;
static const attr_t ita_A_REVERSE = A_REVERSE;
static const attr_t ita_A_UNDERLINE = A_UNDERLINE;
static const attr_t ita_A_DIM = A_DIM;

static inline int ita_colors(void) { return COLORS; }
static inline int ita_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t ita_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/// The mouse event fields, so Swift need not know MEVENT's layout or the BUTTON* macros.
static inline int ita_get_mouse(int *x, int *y, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) *kind = 4;            // wheel up
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) *kind = 5;       // wheel down
#endif
    else if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED)) *kind = 1;
    else *kind = 0;
    return OK;
}

static inline mmask_t ita_mouse_mask(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
#else
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#endif
}

static inline WINDOW *stdscr_window(void) { return stdscr; }

static inline const char *ita_codeset(void) { return nl_langinfo(CODESET); }

#endif
