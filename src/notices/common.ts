// View-model parts every card family shares: how a client and a person are shown, labelled values, choices.

/** A client as cards show it. */
export interface ClientInfo {
  id: string;
  number: string;
  name: string;
  /** Kundenklasse, e.g. "B". */
  class: string;
  /** `continuous` or `one-off`. */
  workType: string;
  /** "kontinuierliche Aufgaben" / "einzelne Aufgaben". */
  workTypeLabel: string;
  /** "Müller GmbH (B)" — the wiki's "KUNDE (Klasse)". */
  nameWithClass: string;
  /** "10023 · Müller GmbH" — for choices and lists. */
  label: string;
}

export interface PersonInfo {
  id: string;
  name: string;
}

export interface LabeledValue {
  label: string;
  value: string;
}

export interface ChoiceOption {
  value: string;
  label: string;
}
