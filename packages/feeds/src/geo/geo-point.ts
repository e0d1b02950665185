// Where an item happened, when the feed says so: GeoRSS Simple
// (https://www.georss.org/simple.html, <georss:point>lat lon</georss:point>) or the
// W3C Basic Geo vocabulary (<geo:lat>, <geo:long>). Coordinates out of range are ignored.
import { asArray, textOf, type XmlNode } from '../xml/parse-xml.js';

export interface GeoPoint {
  lat: number;
  lon: number;
}

const first = (node: XmlNode, name: string) => textOf(asArray(node[name] as unknown)[0])?.trim();

function valid(lat: number, lon: number): GeoPoint | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

export function decodeGeoPoint(node: XmlNode): GeoPoint | undefined {
  const point = first(node, 'georss:point');
  if (point) {
    const [lat, lon] = point.split(/[\s,]+/).map(Number);
    if (lat !== undefined && lon !== undefined) return valid(lat, lon);
  }
  const lat = first(node, 'geo:lat');
  const lon = first(node, 'geo:long') ?? first(node, 'geo:lon');
  return lat && lon ? valid(Number(lat), Number(lon)) : undefined;
}

/** ninjs `places` for a point: GeoJSON orders coordinates longitude first. */
export function pointToPlaces(
  point: GeoPoint,
): { geoJSON: { type: 'Point'; coordinates: [number, number] } }[] {
  return [{ geoJSON: { type: 'Point', coordinates: [point.lon, point.lat] } }];
}
