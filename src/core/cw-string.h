/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76, after this project's floor. */
static inline gboolean
cw_set_string (char       **ptr,
               const char  *value)
{
  char *copy;

  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*ptr);
  *ptr = copy;
  return TRUE;
}

G_END_DECLS
