"""Read PDFs with pikepdf (not our code) and report, per file, what PDF/UA-1 asks of
their metadata, link annotations, content marks and structure: one JSON object per
file on stdout.

Usage: python3 pdf-metadata.py FILE.pdf...
"""
import json
import sys
from xml.etree import ElementTree

import pikepdf

NS = {
    'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
}


def report(path):
    with pikepdf.open(path) as pdf:
        info_title = str(pdf.docinfo.get('/Title', ''))
        has_xmp = '/Metadata' in pdf.Root
        xmp = {}
        if has_xmp:
            stream = pdf.Root.Metadata
            meta = pdf.open_metadata()
            xmp = {
                'type': str(stream.get('/Type', '')),
                'subtype': str(stream.get('/Subtype', '')),
                'filtered': '/Filter' in stream,
                'part': meta.get('{%s}part' % NS['pdfuaid']),
                'pdfa': [meta.get('{%s}part' % NS['pdfaid']), meta.get('{%s}conformance' % NS['pdfaid'])],
                'extensionSchemas': extension_prefixes(bytes(stream.read_bytes())),
                'title': meta.get('dc:title'),
                'language': list(meta.get('dc:language') or []),
                'creator': list(meta.get('dc:creator') or []),
                'description': meta.get('dc:description'),
                'createDate': meta.get('xmp:CreateDate'),
                'modifyDate': meta.get('xmp:ModifyDate'),
                'producer': meta.get('pdf:Producer'),
                'metadataDate': meta.get('xmp:MetadataDate'),
                # The title's languages, read from the raw packet: pikepdf gives only the x-default text.
                'titleLangs': title_langs(bytes(stream.read_bytes())),
            }
        links = []
        for number, page in enumerate(pdf.pages, start=1):
            for annotation in page.obj.get('/Annots', []):
                if annotation.get('/Subtype') != '/Link':
                    continue
                contents = annotation.get('/Contents')
                links.append({'page': number, 'contents': str(contents) if contents is not None else None})
        return {
            'file': path,
            'pages': [page_marks(page) for page in pdf.pages],
            'structure': structure(pdf),
            'infoTitle': info_title,
            'infoAuthor': str(pdf.docinfo.get('/Author', '')),
            'fileId': [bytes(part).hex() for part in pdf.trailer.get('/ID', [])],
            'outputIntents': [output_intent(intent) for intent in pdf.Root.get('/OutputIntents', [])],
            'infoProducer': str(pdf.docinfo.get('/Producer', '')),
            'infoCreationDate': str(pdf.docinfo.get('/CreationDate', '')),
            'infoModDate': str(pdf.docinfo.get('/ModDate', '')),
            'hasXmp': has_xmp,
            'xmp': xmp,
            'links': links,
        }


TEXT = {'Tj', 'TJ', "'", '"'}
PAINT = {'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'Do', 'INLINE IMAGE'}


def page_marks(page):
    """Text and painting operators by what encloses them: tagged content (an MCID), an artifact of a type, or neither."""
    counts = {'untaggedText': 0, 'untaggedPaint': 0, 'tagged': 0, 'artifacts': {}}
    stack = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ('BDC', 'BMC'):
            tag = str(operands[0])
            properties = operands[1] if name == 'BDC' and isinstance(operands[1], pikepdf.Dictionary) else {}
            if tag == '/Artifact':
                kind = str(properties.get('/Type', '/Layout'))[1:]
                subtype = properties.get('/Subtype')
                stack.append(('artifact', kind + ('/' + str(subtype)[1:] if subtype is not None else '')))
            elif '/MCID' in properties:
                stack.append(('tagged', tag))
            else:
                stack.append(('other', tag))
        elif name == 'EMC':
            stack.pop()
        elif name in TEXT or name in PAINT:
            enclosing = next((entry for entry in reversed(stack) if entry[0] != 'other'), None)
            if enclosing is None:
                counts['untaggedText' if name in TEXT else 'untaggedPaint'] += 1
            elif enclosing[0] == 'tagged':
                counts['tagged'] += 1
            else:
                counts['artifacts'][enclosing[1]] = counts['artifacts'].get(enclosing[1], 0) + 1
    return counts


def structure(pdf):
    """Every structure element in document order: its type, its role, its parent's role, /Alt and /ID."""
    root = pdf.Root.get('/StructTreeRoot')
    if root is None:
        return []
    role_map = root.get('/RoleMap', {})
    elements = []

    def role(element):
        kind = str(element.get('/S'))
        return str(role_map.get(kind, kind))[1:]

    def walk(node, parent):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid, parent)
            return
        if not isinstance(node, pikepdf.Dictionary) or '/S' not in node:
            return
        alt = node.get('/Alt')
        ident = node.get('/ID')
        elements.append({
            'type': str(node.S)[1:],
            'role': role(node),
            'parent': parent,
            'alt': str(alt) if alt is not None else None,
            'id': bytes(ident).decode('latin-1') if ident is not None else None,
            'lang': str(node.get('/Lang')) if '/Lang' in node else None,
            'kids': [role(kid) for kid in (node.K if isinstance(node.get('/K'), pikepdf.Array) else [node.get('/K')])
                     if isinstance(kid, pikepdf.Dictionary) and '/S' in kid],
        })
        if '/K' in node:
            walk(node.K, role(node))

    walk(root.get('/K'), None)
    return elements


def output_intent(intent):
    profile = intent.get('/DestOutputProfile')
    data = bytes(profile.read_bytes()) if profile is not None else b''
    return {
        'subtype': str(intent.get('/S')),
        'condition': str(intent.get('/OutputConditionIdentifier', '')),
        'components': int(profile.get('/N', 0)) if profile is not None else 0,
        # The ICC header: its signature, colour space and size as the profile says.
        'signature': data[36:40].decode('latin-1'),
        'colorSpace': data[16:20].decode('latin-1'),
        'sizeMatches': len(data) > 128 and int.from_bytes(data[0:4], 'big') == len(data),
    }


def extension_prefixes(packet):
    root = ElementTree.fromstring(packet.decode('utf-8').split('?>', 1)[1].rsplit('<?xpacket', 1)[0])
    return [prefix.text for prefix in root.iter('{http://www.aiim.org/pdfa/ns/schema#}prefix')]


def title_langs(packet):
    root = ElementTree.fromstring(packet.decode('utf-8').split('?>', 1)[1].rsplit('<?xpacket', 1)[0])
    return [
        li.get('{http://www.w3.org/XML/1998/namespace}lang')
        for title in root.iter('{%s}title' % NS['dc'])
        for li in title.iter('{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li')
    ]


if __name__ == '__main__':
    for path in sys.argv[1:]:
        print(json.dumps(report(path), ensure_ascii=False))
