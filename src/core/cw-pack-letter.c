/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-meeting-pack"

#include "cw-meeting-pack-private.h"

/* One letter, from the top of a new page: the sender and the date on the
 * side where the language ends a line, the recipient where it starts one,
 * then the salutation, the body (which may go on over the page), the
 * closing, and room to sign and print a name. An Arabic letter is the
 * mirror image of an English one. */

#define SENDER_WIDTH 220.0
#define RECIPIENT_WIDTH 270.0
#define RECIPIENT_TOP (CW_PACK_MARGIN_TOP + 118.0)
#define SIGNATURE_ROOM 42.0
#define RULE_WIDTH 200.0
#define TEXT_SIZE 11.0

typedef struct {
  CwMeetingPack *pack;
  const CwLetter *letter;
  CwPageFlow *flow;
  gboolean rtl;
} LetterPage;

/* The x of a block @width wide against the start or end margin. */
static double
block_x (const LetterPage *page,
         CwPackAlign       side,
         double            width)
{
  double page_width = cw_meeting_pack_page_width (page->pack);
  gboolean left = (side == CW_PACK_ALIGN_START) != page->rtl;

  return left ? CW_PACK_MARGIN_X : page_width - CW_PACK_MARGIN_X - width;
}

static PangoLayout *
letter_layout (const LetterPage *page,
               const char       *font,
               double            size,
               double            width,
               CwPackAlign       align,
               const char       *text)
{
  PangoLayout *layout = cw_meeting_pack_layout (page->pack, page->letter->language, font, size,
                                                width, align, text);

  pango_layout_set_line_spacing (layout, 1.15);
  return layout;
}

/* Address lines keep their own direction inside the letter's: "1 Government
 * Square" reads left to right in an Arabic letter, aligned with the rest. */
static char *
isolated_lines (const char * const *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    g_string_append_printf (text, "%s\u2068%s\u2069", i > 0 ? "\n" : "", lines[i]);
  return g_string_free (text, FALSE);
}

/* Lines for a member to write their own address on. */
static double
add_address_lines (LetterPage *page,
                   double      y)
{
  double x = block_x (page, CW_PACK_ALIGN_END, SENDER_WIDTH);

  for (guint i = 0; i < 4; i++)
    {
      y += 20;
      cw_page_flow_rule (page->flow, x, x + SENDER_WIDTH, y, 0.55);
    }
  return y + 4;
}

static double
add_sender (LetterPage *page,
            double      y)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (cw_meeting_pack_get_member_address (page->pack))
    return add_address_lines (page, y);

  text = isolated_lines ((const char * const *) page->letter->sender);
  layout = letter_layout (page, "Serif", 10, SENDER_WIDTH, CW_PACK_ALIGN_END, text);
  cw_page_flow_place (page->flow, cw_page_flow_get_page (page->flow), layout,
                      block_x (page, CW_PACK_ALIGN_END, SENDER_WIDTH), y);
  return y + cw_layout_height (layout);
}

static void
add_heading (LetterPage *page)
{
  guint index = cw_page_flow_get_page (page->flow);
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) recipient = NULL;
  g_autofree char *address = NULL;
  double y;

  y = add_sender (page, CW_PACK_MARGIN_TOP) + 12;
  date = letter_layout (page, "Serif", 10.5, SENDER_WIDTH, CW_PACK_ALIGN_END, page->letter->date);
  cw_page_flow_place (page->flow, index, date, block_x (page, CW_PACK_ALIGN_END, SENDER_WIDTH), y);
  y = MAX (y + cw_layout_height (date) + 24, RECIPIENT_TOP);

  address = isolated_lines ((const char * const *) page->letter->recipient);
  recipient = letter_layout (page, "Serif", TEXT_SIZE, RECIPIENT_WIDTH, CW_PACK_ALIGN_START,
                             address);
  cw_page_flow_place (page->flow, index, recipient,
                      block_x (page, CW_PACK_ALIGN_START, RECIPIENT_WIDTH), y);
  cw_page_flow_set_y (page->flow, y + cw_layout_height (recipient) + 30);
}

static PangoLayout *
body_layout (LetterPage *page,
             const char *text)
{
  return letter_layout (page, "Serif", TEXT_SIZE, cw_meeting_pack_content_width (page->pack),
                        CW_PACK_ALIGN_START, text);
}

static void
add_text (LetterPage *page,
          const char *text,
          double      space_after,
          double      room_after)
{
  g_autoptr(PangoLayout) layout = body_layout (page, text);

  cw_page_flow_add_before (page->flow, layout, CW_PACK_MARGIN_X, room_after);
  cw_page_flow_set_y (page->flow, cw_page_flow_get_y (page->flow) + space_after);
}

static PangoLayout *
caption (const LetterPage *page,
         const char       *text)
{
  PangoLayout *layout = letter_layout (page, "Sans", 7, RULE_WIDTH, CW_PACK_ALIGN_START, text);

  cw_pack_layout_set_grey (layout, 0.45);
  return layout;
}

/* The closing and room to sign, which stay together. */
typedef struct {
  PangoLayout *closing;
  PangoLayout *signature;
  PangoLayout *name;
  double height;
} Closing;

#define CLOSING_GAP 8.0
#define NAME_ROOM 24.0

static void
make_closing (LetterPage *page,
              Closing    *closing)
{
  const CwLetterLanguage *language = cw_letter_language_lookup (page->letter->language);

  closing->closing = body_layout (page, page->letter->closing);
  closing->signature = caption (page, cw_letter_language_get_signature_label (language));
  closing->name = caption (page, cw_letter_language_get_name_label (language));
  closing->height = CLOSING_GAP + cw_layout_height (closing->closing) + SIGNATURE_ROOM + 2 +
                    cw_layout_height (closing->signature) + NAME_ROOM + 2 +
                    cw_layout_height (closing->name);
}

static void
closing_clear (Closing *closing)
{
  g_clear_object (&closing->closing);
  g_clear_object (&closing->signature);
  g_clear_object (&closing->name);
}

/* Paragraphs are separated by a blank line; a single line break stays.
 * The last one shares its page with the closing. */
static void
add_body (LetterPage    *page,
          const Closing *closing)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", page->letter->body, 0, 0);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        g_ptr_array_add (kept, paragraphs[i]);
    }

  for (guint i = 0; i < kept->len; i++)
    add_text (page, g_ptr_array_index (kept, i), 9,
              i == kept->len - 1 ? closing->height + 9 : 0);
}

/* A rule to sign or print a name on, with what it is for beneath it. */
static void
add_rule (LetterPage  *page,
          PangoLayout *label,
          double       room_above)
{
  double x = block_x (page, CW_PACK_ALIGN_START, RULE_WIDTH);
  double y = cw_page_flow_get_y (page->flow) + room_above;

  cw_page_flow_rule (page->flow, x, x + RULE_WIDTH, y, 0.55);
  cw_page_flow_place (page->flow, cw_page_flow_get_page (page->flow), label, x, y + 2);
  cw_page_flow_set_y (page->flow, y + 2 + cw_layout_height (label));
}

static void
add_closing (LetterPage    *page,
             const Closing *closing)
{
  if (cw_page_flow_get_room (page->flow) < closing->height)
    cw_page_flow_new_page (page->flow);

  cw_page_flow_set_y (page->flow, cw_page_flow_get_y (page->flow) + CLOSING_GAP);
  cw_page_flow_add (page->flow, closing->closing, CW_PACK_MARGIN_X, TRUE);
  add_rule (page, closing->signature, SIGNATURE_ROOM);
  add_rule (page, closing->name, NAME_ROOM);
}

/* "1 / 2" at the foot of each page of a letter that runs over. */
static void
add_page_numbers (LetterPage *page,
                  guint       first)
{
  guint last = cw_page_flow_get_page (page->flow);
  double width = cw_meeting_pack_content_width (page->pack);
  double y = cw_page_flow_get_bottom (page->flow) + 22;

  if (last == first)
    return;

  for (guint i = first; i <= last; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u / %u", i - first + 1, last - first + 1);
      g_autoptr(PangoLayout) number = cw_meeting_pack_layout (page->pack, NULL, "Sans", 8, width,
                                                              CW_PACK_ALIGN_START, text);

      pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);
      cw_pack_layout_set_grey (number, 0.45);
      cw_page_flow_place (page->flow, i, number, CW_PACK_MARGIN_X, y);
    }
}

void
cw_pack_add_letter (CwMeetingPack  *self,
                    const CwLetter *letter)
{
  LetterPage page = { self, letter, self->flow, FALSE };
  Closing closing = { NULL };
  guint first;

  page.rtl = cw_letter_language_get_direction (cw_letter_language_lookup (letter->language)) ==
             PANGO_DIRECTION_RTL;

  make_closing (&page, &closing);
  cw_page_flow_new_page (self->flow);
  first = cw_page_flow_get_page (self->flow);
  add_heading (&page);
  add_text (&page, letter->salutation, 6, 0);
  add_body (&page, &closing);
  add_closing (&page, &closing);
  add_page_numbers (&page, first);
  closing_clear (&closing);
}
