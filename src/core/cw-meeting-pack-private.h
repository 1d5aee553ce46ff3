/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-letter-language.h"
#include "cw-meeting-pack.h"
#include "cw-page-flow.h"

G_BEGIN_DECLS

/* A case in the pack, with its letters in the order they are printed. */
typedef struct {
  CwCase *kase;
  GPtrArray *letters;      /* of CwLetter */
} CwPackCase;

struct _CwMeetingPack
{
  GObject parent_instance;

  CwProfile *profile;
  CwDate date;
  guint copies;
  gboolean member_address;
  GPtrArray *cases;        /* of CwPackCase */

  /* Set by paginate() */
  PangoContext *context;
  GHashTable *contexts;    /* language code → PangoContext set for it */
  CwPageFlow *flow;
  guint n_briefing_pages;
  guint n_envelope_pages;
};

/* Page geometry, in points */
#define CW_PACK_MARGIN_X 64.0
#define CW_PACK_MARGIN_TOP 56.0
#define CW_PACK_MARGIN_BOTTOM 60.0

typedef enum {
  CW_PACK_ALIGN_START,     /* where the letter's language starts a line */
  CW_PACK_ALIGN_END,
} CwPackAlign;

/* cw-meeting-pack.c */
PangoContext *cw_meeting_pack_context_for   (CwMeetingPack          *self,
                                             const char             *language);
PangoLayout  *cw_meeting_pack_layout        (CwMeetingPack          *self,
                                             const char             *language,
                                             const char             *font,
                                             double                  size,
                                             double                  width,
                                             CwPackAlign             align,
                                             const char             *text);
void          cw_pack_layout_set_grey       (PangoLayout            *layout,
                                             double                  grey);
double        cw_meeting_pack_content_width (CwMeetingPack          *self);
double        cw_meeting_pack_page_width    (CwMeetingPack          *self);

/* cw-pack-letter.c */
void          cw_pack_add_letter            (CwMeetingPack          *self,
                                             const CwLetter         *letter);

/* cw-pack-briefing.c */
void          cw_pack_add_briefing          (CwMeetingPack          *self,
                                             const CwPackCase       *pack_case);

/* cw-pack-envelopes.c */
void          cw_pack_add_envelopes         (CwMeetingPack          *self);

G_END_DECLS
