"""Spanish sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: Los cursos cortos se pueden compaginar con un trabajo a jornada completa; un grado de cuatro años, no.
D2+ D6+ :: Poder formarse a pequeños pasos e ir sumándolos después anima a mucha gente a empezar.
R7+ P10+ :: La gente no sabe qué formación le conviene; hace falta una orientación independiente basada en datos reales del mercado laboral.
R7- :: No creemos que haya que dirigir a las personas con «datos del mercado laboral en tiempo real»; esos datos cambian más rápido de lo que nadie puede reciclarse.
D8+ :: Las microcredenciales permiten responder rápido a las nuevas necesidades de competencias, sobre todo en la transición verde y digital.
D8~ [we union] :: La formación corta es útil siempre que no sustituya a las cualificaciones completas ni sirva para precarizar.
P08+ :: Hay que poner a la persona en el centro: horarios flexibles, formación en línea y contenidos que partan de lo que ya sabe.
R8+ [I] :: Yo habría hecho más cursos si fueran gratuitos o al menos subvencionados.
P06+ :: Mientras las empresas no reconozcan estos certificados, mucha gente no verá para qué formarse.
R7+ :: Lo importante es la permeabilidad entre la FP y la universidad.
 :: Muchos adultos tienen malos recuerdos de la escuela.
 :: La falta de tiempo es el principal obstáculo: trabajo, cuidados, desplazamientos.
 :: En la España rural la conexión a internet sigue siendo un problema.
 :: Quienes menos formación tienen son los que menos acceden a ella.

## definition
D1+ :: Es acertado centrarse en los resultados de aprendizaje y no en las horas de asistencia.
D1~ :: Los resultados de aprendizaje están bien, siempre que se redacten de forma comprensible para las empresas.
D2~ :: Habría que concretar qué se entiende por «corta», porque cada proveedor lo interpretará a su manera.
D3+ :: La evaluación con criterios transparentes es lo que da credibilidad a una microcredencial.
D3- :: Exigir una evaluación formal en todos los casos es demasiado rígido para el aprendizaje no formal.
D4+ D5+ [I] :: El certificado tiene que ser mío y tengo que poder enseñarlo a cualquier empresa, en cualquier país.
D6+ :: Falta decir que las microcredenciales pueden ser independientes o combinarse en titulaciones más amplias.
D7+ P01+ :: La garantía de calidad debería formar parte de la definición.
D7~ :: Mencionar la garantía de calidad, sí, pero sin que eso signifique que solo las universidades acreditadas puedan expedirlas.
D8+ :: La definición debería recoger la finalidad: responder a necesidades sociales, personales, culturales y laborales.
D1+ D3+ :: Prueba de lo aprendido y evaluación transparente: eso es lo esencial.
 :: El término en inglés es difícil de traducir.
 :: No está claro si se incluye el aprendizaje no formal.

## elements
S01~ :: La identificación del estudiante es necesaria, siempre que se limite a los datos estrictamente imprescindibles.
S06+ :: Los resultados de aprendizaje son lo fundamental y deben describirse con un lenguaje claro.
S07+ :: La carga de trabajo debería expresarse en créditos ECTS siempre que sea posible.
S08~ :: Indicar el nivel del MEC es útil si se hace a través del marco nacional y no por autodeclaración del proveedor.
S09+ :: Debe constar el tipo de evaluación: no es lo mismo un examen supervisado que un test en línea.
S13- :: La verificación de identidad en los exámenes en línea plantea serios problemas de privacidad.
S14~ :: La calificación puede incluirse de forma opcional, siempre que no sea obligatoria en cursos de apto/no apto.
S04+ S05+ :: La entidad que lo expide y la fecha de expedición son imprescindibles.
 :: La lista de elementos es larga; un núcleo más sencillo sería más fácil de aplicar.

## qa
D7+ P01+ :: Las microcredenciales deben estar sujetas a la misma garantía de calidad interna y externa que el resto de la oferta.
P01~ [we hei] :: La calidad debe asegurarse mediante los procedimientos existentes conformes con los ESG, siempre que no se cree un sistema paralelo.
D7~ :: Garantía de calidad, sí, pero proporcionada: un curso de dos días no puede pasar por el mismo proceso que un máster.
R1+ :: Unos estándares europeos comunes de calidad y transparencia son la acción más importante de la hoja de ruta.
R1~ :: Los estándares europeos son bienvenidos siempre que sean voluntarios y respeten las competencias nacionales.
R1- [we pub] :: La educación es competencia de los Estados miembros; los estándares deben fijarse a nivel nacional.
P04+ :: Las evaluaciones deben ser válidas y fiables; si no, el sistema pierde credibilidad.
P09+ :: Cada certificado debe ser infalsificable y verificable en línea.
 :: Las agencias de calidad deberían participar desde el principio.
 :: Para los proveedores pequeños, el coste de la acreditación es un problema real.

## recognition
P06+ :: Las microcredenciales deberían reconocerse tanto para seguir estudiando como para el empleo.
P06~ [we hei] :: Estamos dispuestos a reconocer microcredenciales de otras universidades, siempre que cuenten con garantía de calidad conforme a los ESG.
R5+ :: Los procedimientos de reconocimiento son lentísimos; hacen falta directrices para agilizarlos.
R2+ :: Incluirlas en el marco nacional de cualificaciones les daría un peso real.
R2- :: Incluir cada curso corto en el marco nacional lo saturaría y desdibujaría el concepto de cualificación.
P06+ [we union] :: Las microcredenciales deben tenerse en cuenta en la negociación colectiva y en los salarios.
 :: En el reconocimiento de créditos cada universidad hace lo que quiere.

## portability
D4+ :: El certificado debe seguir siendo del estudiante aunque el proveedor desaparezca.
R6+ :: Europass y sus credenciales digitales son la infraestructura lógica; no hace falta inventar nada nuevo.
R6~ :: Europass está bien, siempre que sea interoperable con las carteras digitales nacionales.
R6- :: La Tarjeta Europea de Estudiante no tiene sentido para la formación de adultos.
D5+ P07+ :: Hay que poder guardar los certificados en formato digital y compartirlos entre países.
 :: Muchos proveedores pequeños no tienen medios técnicos para emitir credenciales digitales.

## credits
S07+ R4+ :: Los ECTS deberían usarse en todos los sectores: es la única moneda común que tenemos.
R4- :: Los ECTS se diseñaron para la universidad y deben quedarse ahí.
R4~ :: Extender los ECTS a otros sectores es posible siempre que se respete la relación con los resultados de aprendizaje.
S08+ R2+ :: Vincularlas al MEC a través de los marcos nacionales las haría comparables en toda Europa.
 :: En España solo las universidades pueden otorgar créditos ECTS.

## providers
R3+ :: Una lista de proveedores de confianza daría seguridad a estudiantes y empresas.
R3~ :: Una lista así solo es aceptable si está abierta a todos los proveedores que cumplan los criterios de calidad, también los privados.
R3- :: No vemos necesaria una lista de proveedores de confianza; lo que importa es la calidad de cada credencial.
R3- [we emp] :: Los proveedores que no figuren en la lista quedarían estigmatizados aunque hagan un trabajo excelente.
 :: ¿Quién mantendría esa lista y con qué criterios?

## funding
R8+ :: Erasmus+ y el FSE+ deberían financiar el desarrollo de microcredenciales, sobre todo en instituciones pequeñas.
R8~ :: Los fondos europeos son bienvenidos siempre que no vayan solo a la universidad; la FP y la educación de adultos los necesitan más.
R8- :: No vemos papel para las subvenciones europeas; el mercado debe financiar esta formación.
R8+ [we union] :: La financiación pública debe ir unida a permisos retribuidos de formación.
 :: La carga administrativa de los proyectos europeos desanima a las entidades pequeñas.

## general
R1+ :: Un enfoque europeo es bienvenido y necesario.
R1- :: Tememos que la iniciativa genere más burocracia que valor.
P03+ :: Las microcredenciales deben diseñarse junto con las empresas para que sean pertinentes.
P08+ :: El estudiante debe estar en el centro.
P10+ :: Es imprescindible mejorar la información y la orientación.
P05+ :: Las microcredenciales deben abrir itinerarios, no llevar a callejones sin salida.
 :: Gracias por la oportunidad de participar.
 :: Las microcredenciales deben complementar los títulos, no sustituirlos.
"""

OPENERS = {
    "I": ["Desde mi experiencia personal:", "Respondo como estudiante adulta.", "En resumen:"],
    "we": ["<ORG> agradece la oportunidad de participar.", "Desde el punto de vista de <ORG>:"],
}
CLOSERS = {"I": ["Gracias.", "Un saludo."], "we": ["Quedamos a su disposición.", "Atentamente."]}
CONNECTIVES = ["Además, ", "Por otro lado, ", "Asimismo, ", "Por último, ", "En la práctica, "]
SHORT = ["Sí.", "No.", "De acuerdo.", "Sin comentarios.", "Nada que añadir.", "Ver arriba.", "Totalmente de acuerdo."]
SEE_ATTACHED = ["Ver documento adjunto.", "Véase el documento de posición adjunto.", "Ver respuesta escrita adjunta."]
OFFTOPIC = ["El cuestionario es demasiado largo y técnico.", "Las preguntas están planteadas de forma tendenciosa."]
BARRIER_OTHER = ["Falta de guarderías", "Pérdida de ingresos durante la formación", "Burocracia para pedir becas"]
PROVIDER_OTHER = ["Cámaras de comercio", "Asociaciones vecinales", "Bibliotecas públicas"]

BARRIER_OTHER_MORE = [" – sobre todo para familias monoparentales", " en los pueblos", ", de lo que nadie habla"]
PROVIDER_OTHER_MORE = [" – tienen mucha experiencia con personas adultas", " en el medio rural"]

PD_TEMPLATES = [
    "Me llamo {PERSON} y trabajo {en un hospital|en un instituto|en una oficina}.",
    "Un saludo,\n{PERSON}",
    "Mi correo es {EMAIL} y mi teléfono {PHONE}.",
    "Vivo en {ADDRESS}.",
    "Soy {ROLE}.",
    "Mi DNI es {ID}.",
]

PAPER = {
    "title": ["Documento de posición de <ORG> sobre las microcredenciales",
              "Contribución a la consulta pública sobre un enfoque europeo de las microcredenciales"],
    "date": "{city}, {day} de {month} de 2021",
    "months": ["abril", "mayo", "junio", "julio"],
    "about_heading": "Sobre <ORG>",
    "about": {
        "hei": ["<ORG> es una universidad pública con unos {n} estudiantes y una oferta creciente de formación permanente."],
        "emp": ["<ORG> es una empresa del sector de {sector} que forma cada año a unos {n} empleados.",
                "<ORG> agrupa a {n} empresas del sector de {sector}."],
        "union": ["<ORG> es un sindicato que representa a unos {n} trabajadores del sector de {sector}."],
        "pub": ["<ORG> es la administración responsable de la formación profesional y de adultos en su territorio."],
        "ngo": ["<ORG> es una organización sin ánimo de lucro que trabaja por el acceso de las personas adultas a la formación."],
        "other": ["<ORG> es una red de centros de formación profesional."],
        "cit": ["Este documento refleja la opinión de una persona a título individual."],
    },
    "about_extra": ["Participamos en varios proyectos Erasmus+ sobre reconocimiento de competencias."],
    "intro": ["<ORG> celebra la iniciativa de la Comisión y desea contribuir al debate sobre las microcredenciales."],
    "headings": {"barriers": "Acceso al aprendizaje permanente", "definition": "La definición propuesta",
                 "elements": "Elementos estándar", "qa": "Garantía de calidad", "recognition": "Reconocimiento",
                 "portability": "Portabilidad y Europass", "credits": "ECTS y marcos de cualificaciones",
                 "providers": "Proveedores de confianza", "funding": "Financiación", "general": "Otras observaciones"},
    "summary_heading": "Resumen",
    "conclusion": ["<ORG> queda a disposición de la Comisión para seguir colaborando."],
    "contact": "Contacto: {email}",
    "sectors": ["tecnologías de la información", "industria", "sanidad", "construcción", "turismo"],
    "lead_ins": ["Para <ORG>, ", "En nuestra opinión, "],
}
