/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * CASEWORK_PROFILE=1: the window says on stderr how long it took to show
 * itself and a case's timeline, measured to the end of the frame that
 * first drew them.
 */

void     cw_timing_start            (void);
gboolean cw_timing_enabled          (void);
void     cw_timing_after_next_frame (GtkWidget  *widget,
                                     gint64      since,
                                     const char *format,
                                     guint       count);
gint64   cw_timing_started_at       (void);

G_END_DECLS
