/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-report-dialog.h"

G_BEGIN_DECLS

struct _CwReportDialog
{
  AdwWindow parent_instance;

  CwStore *store;
  CwProfile *profile;
  GPtrArray *case_ids;        /* char *, in the list's order */
  GPtrArray *checks;          /* GtkCheckButton, one per case */
  char *words_case;           /* the case whose words the text views hold */
  guint words_year;
  guint save_source;
  guint rebuild_source;
  gboolean loading;           /* filling the fields in: nothing to save */

  CwReport *report;
  CwReportDocument *document;
  guint n_pages;
  guint page;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwPreferencesGroup *report_group;
  GtkSpinButton *year_spin;
  GtkSwitch *private_switch;
  GtkListBox *case_list;
  AdwPreferencesGroup *words_group;
  GtkLabel *words_case_label;
  GtkTextView *how_view;
  GtkTextView *next_view;
  GtkDrawingArea *preview;
  GtkLabel *page_label;
};

/* cw-report-dialog.c */
void cw_report_dialog_show_toast         (CwReportDialog *self,
                                          const char     *message);
void cw_report_dialog_queue_rebuild      (CwReportDialog *self);

/* cw-report-dialog-output.c: the preview, printing and saving */
void cw_report_dialog_rebuild_now        (CwReportDialog *self);
void cw_report_dialog_show_page          (CwReportDialog *self);
void cw_report_dialog_install_actions    (GtkWidgetClass *widget_class);
void cw_report_dialog_update_actions     (CwReportDialog *self);

G_END_DECLS
