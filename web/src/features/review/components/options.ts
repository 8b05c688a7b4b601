/** What a moderator chooses from (the API checks every value again). */
export const DECISION_ACTIONS = ['allow', 'restrict_16', 'restrict_18', 'remove'] as const;
export const CATEGORIES = ['gambling', 'pornography', 'csam', 'sara_hate', 'terrorism', 'drugs', 'fraud', 'violence', 'hoax', 'illegal_goods'] as const;
