// RSS 1.0 (https://web.resource.org/rss/1.0/spec): an rdf:RDF root holding a
// channel and, beside it rather than inside, the items. The fields are RSS's
// (plus dc and content), so the RSS decoder reads them.
import { decodeChannel, type RssChannel } from '../rss/decode.js';
import { asArray, type XmlNode } from '../xml/parse-xml.js';

export function decodeRdf(rdf: XmlNode): RssChannel {
  const channel = (asArray(rdf.channel as XmlNode[])[0] ?? {}) as XmlNode;
  const items = [...asArray(rdf.item as XmlNode[]), ...asArray(channel.item as XmlNode[])];
  return decodeChannel(channel, items, rdf);
}
