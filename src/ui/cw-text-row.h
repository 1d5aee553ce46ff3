/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CW_TYPE_TEXT_ROW (cw_text_row_get_type ())

G_DECLARE_FINAL_TYPE (CwTextRow, cw_text_row, CW, TEXT_ROW, AdwPreferencesRow)

GtkWidget   *cw_text_row_new        (const char *title);
GtkTextView *cw_text_row_get_view   (CwTextRow  *self);
void         cw_text_row_add_suffix (CwTextRow  *self,
                                     GtkWidget  *widget);

G_END_DECLS
