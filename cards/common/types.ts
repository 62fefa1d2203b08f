// The subset of Adaptive Cards 1.5 (as Microsoft Teams renders it) that staffelstab's cards use,
// typed precisely: every element is a closed object type discriminated by `type`, so a misspelt
// property (`heigth`) or an unsupported value (`size: 'huge'`) fails to compile instead of being
// dropped silently by the Teams client. Extend these types when a card needs more of the schema
// (https://adaptivecards.io/explorer/), never cast an object literal to them.

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What an Action.Execute carries back to the bot (parsed there with zod). */
export type ActionData = { readonly [key: string]: JsonValue };

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type HorizontalAlignment = 'left' | 'center' | 'right';
export type VerticalAlignment = 'top' | 'center' | 'bottom';
export type FontSize = 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
export type FontWeight = 'default' | 'lighter' | 'bolder';
export type FontType = 'default' | 'monospace';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
/** A pixel length such as `"40px"`. */
export type PixelLength = `${number}px`;

/** Properties every body element accepts. */
export interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
  height?: 'auto' | 'stretch';
}

// ---------------------------------------------------------------------------------------------
// Actions

export interface ActionBase {
  title?: string;
  id?: string;
  iconUrl?: string;
  style?: 'default' | 'positive' | 'destructive';
  tooltip?: string;
  isEnabled?: boolean;
  mode?: 'primary' | 'secondary';
}

export interface ExecuteAction extends ActionBase {
  type: 'Action.Execute';
  verb: string;
  data?: ActionData;
  /** `auto` sends the card's inputs with the action (the default), `none` sends only `data`. */
  associatedInputs?: 'auto' | 'none';
}

export interface OpenUrlAction extends ActionBase {
  type: 'Action.OpenUrl';
  url: string;
}

export interface ShowCardAction extends ActionBase {
  type: 'Action.ShowCard';
  card: NestedCard;
}

export interface TargetElement {
  elementId: string;
  isVisible?: boolean;
}

export interface ToggleVisibilityAction extends ActionBase {
  type: 'Action.ToggleVisibility';
  targetElements: (string | TargetElement)[];
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction | ToggleVisibilityAction;
/** Actions allowed as an element's `selectAction` (the schema excludes Action.ShowCard). */
export type SelectAction = ExecuteAction | OpenUrlAction | ToggleVisibilityAction;

// ---------------------------------------------------------------------------------------------
// Elements

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  /** Teams renders a markdown subset: **bold**, _italic_, lists, links. */
  text: string;
  size?: FontSize;
  weight?: FontWeight;
  color?: TextColor;
  isSubtle?: boolean;
  wrap?: boolean;
  maxLines?: number;
  horizontalAlignment?: HorizontalAlignment;
  fontType?: FontType;
  style?: 'default' | 'heading';
}

export interface TextRun {
  type: 'TextRun';
  text: string;
  size?: FontSize;
  weight?: FontWeight;
  color?: TextColor;
  isSubtle?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  highlight?: boolean;
  fontType?: FontType;
  selectAction?: SelectAction;
}

export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: (TextRun | string)[];
  horizontalAlignment?: HorizontalAlignment;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  verticalContentAlignment?: VerticalAlignment;
  bleed?: boolean;
  minHeight?: PixelLength;
  selectAction?: SelectAction;
}

export interface Column extends ElementBase {
  type: 'Column';
  items: CardElement[];
  /** `auto`, `stretch`, a weight (number) or a pixel width. */
  width?: 'auto' | 'stretch' | number | PixelLength;
  style?: ContainerStyle;
  verticalContentAlignment?: VerticalAlignment;
  bleed?: boolean;
  minHeight?: PixelLength;
  selectAction?: SelectAction;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
  style?: ContainerStyle;
  bleed?: boolean;
  minHeight?: PixelLength;
  horizontalAlignment?: HorizontalAlignment;
  selectAction?: SelectAction;
}

export interface Image extends Omit<ElementBase, 'height'> {
  type: 'Image';
  url: string;
  altText: string;
  size?: 'auto' | 'stretch' | 'small' | 'medium' | 'large';
  style?: 'default' | 'person';
  horizontalAlignment?: HorizontalAlignment;
  width?: PixelLength;
  height?: PixelLength | 'auto';
  backgroundColor?: string;
  selectAction?: SelectAction;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

// ---------------------------------------------------------------------------------------------
// Inputs. A required input must have a label and an error message (the SDK's validation and
// Teams' accessibility checks ask for both), so the type demands them together.

export type InputRequirement =
  | { isRequired: true; label: string; errorMessage: string }
  | { isRequired?: false; label?: string; errorMessage?: string };

export type InputBase = ElementBase & { id: string } & InputRequirement;

export type TextInput = InputBase & {
  type: 'Input.Text';
  placeholder?: string;
  value?: string;
  maxLength?: number;
  isMultiline?: boolean;
  style?: 'text' | 'tel' | 'url' | 'email' | 'password';
  /** A regular expression the whole value must match (checked by the client before sending). */
  regex?: string;
  inlineAction?: SelectAction;
};

export interface Choice {
  title: string;
  value: string;
}

export type ChoiceSetInput = InputBase & {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  /** `filtered` gives a searchable list: use it for long lists such as a VPA's clients. */
  style?: 'compact' | 'expanded' | 'filtered';
  isMultiSelect?: boolean;
  value?: string;
  placeholder?: string;
  wrap?: boolean;
};

export type ToggleInput = InputBase & {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
};

/** Dates as `YYYY-MM-DD`. */
export type DateInput = InputBase & {
  type: 'Input.Date';
  value?: string;
  min?: string;
  max?: string;
  placeholder?: string;
};

export type CardInput = TextInput | ChoiceSetInput | ToggleInput | DateInput;

export type CardElement =
  | TextBlock
  | RichTextBlock
  | FactSet
  | Container
  | ColumnSet
  | Image
  | ActionSet
  | CardInput;

// ---------------------------------------------------------------------------------------------
// The card

/** A Teams @mention inside a card: the text `<at>Name</at>` in a TextBlock plus this entity. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export interface TeamsCardProperties {
  width?: 'Full';
  entities?: MentionEntity[];
}

/**
 * Universal Actions refresh: Teams calls `action` (an invoke with its verb) when the card is shown,
 * for the users in `userIds` (at most 60 Teams user ids `29:...`), to get a user-specific view.
 */
export interface RefreshDefinition {
  action: ExecuteAction;
  userIds?: string[];
}

// A type alias, not an interface: it is then assignable to Record<string, unknown>, which is what
// botframework-schema's invoke response and attachment types expect.
export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: RefreshDefinition;
  msteams?: TeamsCardProperties;
  /** Shown by clients that cannot render the card, and in notifications. */
  fallbackText?: string;
  speak?: string;
  lang?: string;
  minHeight?: PixelLength;
  verticalContentAlignment?: VerticalAlignment;
};

/** The card inside an Action.ShowCard: no schema, version or refresh of its own. */
export interface NestedCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[];
}
