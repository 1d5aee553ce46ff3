/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-case-picker.h"
#include "cw-report-dialog.h"

G_BEGIN_DECLS

/* What waits for the report to be built to go on. */
typedef enum {
  CW_REPORT_DIALOG_WHEN_READY_NOTHING,
  CW_REPORT_DIALOG_WHEN_READY_PRINT,
  CW_REPORT_DIALOG_WHEN_READY_SAVE,
} CwReportDialogWhenReady;

struct _CwReportDialog
{
  AdwWindow parent_instance;

  CwStore *store;
  CwProfile *profile;
  char *words_case;           /* the case whose words the text views hold */
  guint words_year;
  guint save_source;
  guint rebuild_source;
  gboolean loading;           /* filling the fields in: nothing to save */

  /* The preview: the last report built, laid out on pages; built and laid
   * out in a thread (cw-report-dialog-preview.c). */
  CwReport *report;
  CwReportDocument *document;
  guint n_pages;
  guint page;
  GCancellable *build_cancellable;  /* the newest build, while it runs */
  guint n_builds;                   /* started, for the tests */
  guint preparing_source;           /* shows "Preparing the preview…" soon */
  CwReportDialogWhenReady when_ready;  /* print or save once it is built */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwPreferencesGroup *report_group;
  GtkSpinButton *year_spin;
  GtkSwitch *private_switch;
  CwCasePicker *case_picker;
  AdwPreferencesGroup *words_group;
  GtkLabel *words_case_label;
  GtkTextView *how_view;
  GtkTextView *next_view;
  GtkDrawingArea *preview;
  GtkWidget *preparing_box;
  GtkSpinner *preparing_spinner;
  GtkLabel *page_label;
};

/* cw-report-dialog.c */
void cw_report_dialog_show_toast         (CwReportDialog *self,
                                          const char     *message);
void cw_report_dialog_queue_rebuild      (CwReportDialog *self);
GStrv cw_report_dialog_list_chosen       (CwReportDialog *self);

/* cw-report-dialog-preview.c: the report built and laid out in a thread,
 * the pages drawn */
void     cw_report_dialog_rebuild_now         (CwReportDialog *self);
gboolean cw_report_dialog_is_preparing        (CwReportDialog *self);
gboolean cw_report_dialog_is_up_to_date       (CwReportDialog *self);
void     cw_report_dialog_stop_preview        (CwReportDialog *self);
void     cw_report_dialog_show_page           (CwReportDialog *self);

/* cw-report-dialog-output.c: turning pages, printing and saving */
void     cw_report_dialog_install_actions     (GtkWidgetClass *widget_class);
void     cw_report_dialog_update_actions      (CwReportDialog *self);
void     cw_report_dialog_run_when_ready      (CwReportDialog *self);

G_END_DECLS
