// Stands in for xmlbuilder in the Lambda bundles (scripts/bundle-options.mjs): xml2js loads it
// for its Builder, which Briefing never uses to write XML. rss-parser calls the Builder only on a
// text field made of child elements or attributes alone; the throw makes rss-parser reject that
// document, which parse-feed then reads with its lenient reader, as it would have anyway.
class XmlBuilderNotBundledError extends Error {
  name = 'XmlBuilderNotBundledError';
}

function refuse() {
  throw new XmlBuilderNotBundledError('xmlbuilder is not in this bundle: XML is never written here');
}

module.exports = { create: refuse, begin: refuse };
