/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cw-test-utils.h"

G_BEGIN_DECLS

/* What the tests under a real (virtual) display share: letting the main
 * loop run, and finding widgets the way a person would see them. */

typedef gboolean (*CwTestCondition)   (gpointer       data);
typedef gboolean (*CwTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

void              cw_test_run_main_loop                (guint              ms);
gboolean          cw_test_wait_for                     (CwTestCondition    condition,
                                                        gpointer           data);

GtkWidget        *cw_test_find_widget_where            (GtkWidget         *widget,
                                                        CwTestWidgetMatch  match,
                                                        gconstpointer      data);
GtkWidget        *cw_test_find_widget                  (GtkWidget         *widget,
                                                        GType              type);
GtkWidget        *cw_test_find_visible_label           (GtkWidget         *widget,
                                                        const char        *text);
GtkWidget        *cw_test_find_visible_label_starting  (GtkWidget         *widget,
                                                        const char        *start);

GtkWindow        *cw_test_find_toplevel                (GType              type);
AdwMessageDialog *cw_test_find_dialog                  (GtkWindow         *parent);

G_END_DECLS
