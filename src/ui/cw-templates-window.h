/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_TEMPLATES_WINDOW (cw_templates_window_get_type ())

G_DECLARE_FINAL_TYPE (CwTemplatesWindow, cw_templates_window, CW, TEMPLATES_WINDOW, AdwWindow)

GtkWidget  *cw_templates_window_new      (GtkWindow         *parent,
                                          CwStore           *store);

/* For the window and tests */
gboolean    cw_templates_window_select   (CwTemplatesWindow *self,
                                          const char        *id);
const char *cw_templates_window_get_selected (CwTemplatesWindow *self);
char       *cw_templates_window_add      (CwTemplatesWindow *self);
gboolean    cw_templates_window_flush    (CwTemplatesWindow *self,
                                          GError           **error);

G_END_DECLS
