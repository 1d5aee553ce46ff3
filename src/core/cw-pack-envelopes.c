/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-meeting-pack"

#include <glib/gi18n-lib.h>

#include "cw-meeting-pack-private.h"

/* The last pages: every address once, in a block of its own, with how many
 * envelopes go to it, two blocks to a row. An address that two letters
 * share (one embassy for two cases) is one block. */

#define COLUMN_GAP 16.0
#define ROW_GAP 14.0
#define PADDING 10.0

typedef struct {
  const CwLetter *letter;  /* the first letter to this address */
  char *key;
  guint count;
} Envelope;

static void
envelope_clear (Envelope *envelope)
{
  g_free (envelope->key);
}

static GArray *
collect_envelopes (CwMeetingPack *self)
{
  GArray *envelopes = g_array_new (FALSE, TRUE, sizeof (Envelope));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) letters = cw_meeting_pack_get_letters (self);

  g_array_set_clear_func (envelopes, (GDestroyNotify) envelope_clear);
  for (guint i = 0; i < letters->len; i++)
    {
      const CwLetter *letter = g_ptr_array_index (letters, i);
      g_autofree char *key = g_strjoinv ("\n", letter->recipient);
      gpointer found;

      if (g_hash_table_lookup_extended (index, key, NULL, &found))
        {
          g_array_index (envelopes, Envelope, GPOINTER_TO_UINT (found)).count += self->copies;
          continue;
        }
      g_array_append_vals (envelopes, &(Envelope) { letter, g_steal_pointer (&key), self->copies }, 1);
      g_hash_table_insert (index, g_array_index (envelopes, Envelope, envelopes->len - 1).key,
                           GUINT_TO_POINTER (envelopes->len - 1));
    }
  return envelopes;
}

static void
add_title (CwMeetingPack *self,
           gboolean       continued)
{
  CwPageFlow *flow = self->flow;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) hint = NULL;
  double width = cw_meeting_pack_content_width (self);

  cw_page_flow_new_page (flow);
  title = cw_meeting_pack_layout (self, NULL, "Sans Bold", 16, width, CW_PACK_ALIGN_START,
                                  continued ? _("Envelopes (continued)") : _("Envelopes"));
  hint = cw_meeting_pack_layout (self, NULL, "Sans", 9, width, CW_PACK_ALIGN_START,
                                 _("Every address once, with how many envelopes it needs: one "
                                   "for each copy of each letter."));
  cw_pack_layout_set_grey (hint, 0.4);
  cw_page_flow_add (flow, title, CW_PACK_MARGIN_X, TRUE);
  cw_page_flow_set_y (flow, cw_page_flow_get_y (flow) + 4);
  cw_page_flow_add (flow, hint, CW_PACK_MARGIN_X, TRUE);
  cw_page_flow_set_y (flow, cw_page_flow_get_y (flow) + ROW_GAP);
}

typedef struct {
  PangoLayout *address;
  PangoLayout *count;
} Block;

static void
block_clear (Block *block)
{
  g_clear_object (&block->address);
  g_clear_object (&block->count);
}

static double
block_height (const Block *block)
{
  return 2 * PADDING + cw_layout_height (block->address) + 6 + cw_layout_height (block->count);
}

/* The address in its letter's direction; each line keeps its own. */
static void
make_block (CwMeetingPack  *self,
            const Envelope *envelope,
            double          width,
            Block          *block)
{
  GString *text = g_string_new (NULL);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u envelope",
                                                         "%u envelopes", envelope->count),
                                            envelope->count);

  for (guint i = 0; envelope->letter->recipient[i] != NULL; i++)
    g_string_append_printf (text, "%s\u2068%s\u2069", i > 0 ? "\n" : "",
                            envelope->letter->recipient[i]);

  block->address = cw_meeting_pack_layout (self, envelope->letter->language, "Serif", 11,
                                           width - 2 * PADDING, CW_PACK_ALIGN_START, text->str);
  block->count = cw_meeting_pack_layout (self, NULL, "Sans", 8, width - 2 * PADDING,
                                         CW_PACK_ALIGN_START, count);
  pango_layout_set_alignment (block->count, PANGO_ALIGN_RIGHT);
  cw_pack_layout_set_grey (block->count, 0.4);
  g_string_free (text, TRUE);
}

static void
place_block (CwMeetingPack *self,
             const Block   *block,
             double         x,
             double         width,
             double         height)
{
  CwPageFlow *flow = self->flow;
  guint page = cw_page_flow_get_page (flow);
  double y = cw_page_flow_get_y (flow);

  cw_page_flow_box (flow, x, y, width, height);
  cw_page_flow_place (flow, page, block->address, x + PADDING, y + PADDING);
  cw_page_flow_place (flow, page, block->count, x + PADDING,
                      y + height - PADDING - cw_layout_height (block->count));
}

static void
add_row (CwMeetingPack *self,
         Block         *blocks,
         guint          n_blocks,
         double         width)
{
  double height = 0;

  for (guint i = 0; i < n_blocks; i++)
    height = MAX (height, block_height (&blocks[i]));

  if (cw_page_flow_get_room (self->flow) < height)
    add_title (self, TRUE);

  for (guint i = 0; i < n_blocks; i++)
    place_block (self, &blocks[i], CW_PACK_MARGIN_X + i * (width + COLUMN_GAP), width, height);
  cw_page_flow_set_y (self->flow, cw_page_flow_get_y (self->flow) + height + ROW_GAP);
}

void
cw_pack_add_envelopes (CwMeetingPack *self)
{
  g_autoptr(GArray) envelopes = collect_envelopes (self);
  double width = (cw_meeting_pack_content_width (self) - COLUMN_GAP) / 2;

  if (envelopes->len == 0)
    return;

  add_title (self, FALSE);
  for (guint i = 0; i < envelopes->len; i += 2)
    {
      Block blocks[2] = { { NULL } };
      guint n = MIN (2, envelopes->len - i);

      for (guint j = 0; j < n; j++)
        make_block (self, &g_array_index (envelopes, Envelope, i + j), width, &blocks[j]);
      add_row (self, blocks, n, width);
      for (guint j = 0; j < n; j++)
        block_clear (&blocks[j]);
    }
}
