/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes a whole document to @out; on failure sets @error. */
typedef gboolean (*CwOutputFunc) (GOutputStream  *out,
                                  gpointer        data,
                                  GError        **error);

gboolean cw_output_file_write (GFile             *file,
                               GFileCreateFlags   flags,
                               CwOutputFunc       write,
                               gpointer           data,
                               GError           **error);

G_END_DECLS
