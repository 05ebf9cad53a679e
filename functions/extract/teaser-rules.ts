/**
 * Teasers and promos: sentences that describe the piece instead of reporting the news ("X
 * explains what to look out for", "this is why it matters", "NBC's correspondent has the
 * details", a correspondent presenting a video). Entries of the one boilerplate list's sentence
 * rules, kept in this file until the list's modules are merged into one (then they move there).
 */
export const TEASER_RULES: readonly (readonly [string, RegExp])[] = [
  [
    'teaser or promo',
    /\b(explains?|explained|looks? at|takes? a (closer )?look at|breaks? down|unpacks?|examines?|analy[sz]es|reports? on) (what|why|how|whether|where|who)\b|\b(what (to|you need to|we) (know|watch|look out for|expect)|why (it|this) matters|here['’]?s (what|how|why)|things to (watch|know)|in this (episode|video|podcast|newsletter|edition|explainer)|live updates?|follow (our|the) live|live (blog|coverage)|find out (what|why|how|more)|read on to|(has|have|with|brings?) (the|more|all the) (latest )?details|(correspondents?|editors?|reporters?|experts?) (explain|answer|discuss|weigh in))\b|^(watch|listen|analysis|opinion|explainer|live|video|podcast|newsletter)\s*[:|–-]/iu,
  ],
  // "CNN's Selina Wang reports on …": an outlet's correspondent presenting a video.
  [
    'teaser or promo',
    /^\p{Lu}[\p{L}.’'-]+['’]s? (?:\p{Lu}[\p{L}’'-]+ ){1,3}(reports|explains|looks|has more) (on|at|from)\b/u,
  ],
];
