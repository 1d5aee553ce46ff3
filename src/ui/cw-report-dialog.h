/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cw-report-document.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_REPORT_DIALOG (cw_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwReportDialog, cw_report_dialog, CW, REPORT_DIALOG, AdwWindow)

GtkWidget        *cw_report_dialog_new               (GtkWindow      *parent,
                                                      CwStore        *store);

/* What the dialog shows and does, for the window and for tests. */
guint             cw_report_dialog_get_year          (CwReportDialog *self);
void              cw_report_dialog_set_year          (CwReportDialog *self,
                                                      guint           year);
gboolean          cw_report_dialog_get_case_chosen   (CwReportDialog *self,
                                                      const char     *case_id);
void              cw_report_dialog_set_case_chosen   (CwReportDialog *self,
                                                      const char     *case_id,
                                                      gboolean        chosen);
void              cw_report_dialog_show_words_for    (CwReportDialog *self,
                                                      const char     *case_id);
gboolean          cw_report_dialog_flush             (CwReportDialog *self,
                                                      GError        **error);
CwReportDocument *cw_report_dialog_get_document      (CwReportDialog *self);
guint             cw_report_dialog_get_n_pages       (CwReportDialog *self);
GdkTexture       *cw_report_dialog_render_page       (CwReportDialog *self,
                                                      guint           page,
                                                      int             pixel_width);
gboolean          cw_report_dialog_save              (CwReportDialog *self,
                                                      CwReportFormat  format,
                                                      GFile          *file,
                                                      GError        **error);
GFile            *cw_report_save_target              (GFile          *file,
                                                      const char     *choice,
                                                      CwReportFormat *format);

G_END_DECLS
